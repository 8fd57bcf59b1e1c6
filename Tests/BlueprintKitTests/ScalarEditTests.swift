import Foundation
import XCTest
import Yams
@testable import BlueprintKit

typealias Tree = BlueprintKit.Node

/// Byte-preserving edits: every scalar of every shared blueprint (as JSON, and converted to YAML
/// in several scalar styles) changed in turn; only that value's bytes may differ, and the file
/// must re-parse to the old tree with just that value changed.
final class ScalarEditTests: XCTestCase {
    /// Every scalar of a tree with its pointer, in document order.
    static func scalars(_ node: Tree, _ pointer: String = "") -> [(String, Tree)] {
        if let members = node.members { return members.flatMap { scalars($0.value, JSONPointer.appending(pointer, $0.key)) } }
        if let elements = node.elements { return elements.enumerated().flatMap { scalars($0.element, JSONPointer.appending(pointer, $0.offset)) } }
        return [(pointer, node)]
    }

    /// New values for a scalar: several per string, chosen to need escaping, quoting or a block.
    static func replacements(for node: Tree, index: Int) -> [ScalarValue] {
        switch node.kind {
        case .string(let s):
            let all: [ScalarValue] = [.string(s + "-edited"), .string("ami-0123456789abcdef0"), .string(s + " \"q\" \\ ü #x"),
                                      .string("line one\nline two\n"), .string(""), .string("true"), .string("12"),
                                      .string("a: b"), .string("  lead and tail  "), .string("tab\there\u{1}"), .integer(7)]
            // Three per scalar, rotating, so every kind of value meets every kind of scalar.
            return (0..<3).map { all[(index * 3 + $0) % all.count] }
        case .number(let n): return [.integer((n.integer ?? 0) + 1), .number("2.5"), .string("\(n.raw)")]
        case .bool(let b): return [.bool(!b), .null]
        case .null: return [.string("x"), .integer(index)]
        default: return []
        }
    }

    func sharedBlueprints() throws -> [URL] {
        let files = try FileDiscovery.blueprints(in: [TestPaths.sharedBlueprints.path])
        XCTAssertGreaterThanOrEqual(files.count, 20, "the shared blueprints are missing")
        return files.map { URL(fileURLWithPath: $0) }
    }

    func testEveryScalarOfEverySharedBlueprintAsJSON() throws {
        var edits = 0
        for url in try sharedBlueprints() {
            let bytes = try Array(Data(contentsOf: url))
            guard case .success(let doc) = Document.parse(path: url.path, bytes: bytes) else { continue }
            for (index, (pointer, node)) in Self.scalars(doc.root).enumerated() {
                for value in Self.replacements(for: node, index: index) {
                    let edit = try XCTUnwrap(try? ScalarEditor.replace(pointer, with: value, in: doc), "\(url.lastPathComponent) \(pointer) ← \(value)")
                    // The parser's own range of the old value, not the editor's, bounds the change.
                    XCTAssertEqual(edit.replaced, node.range)
                    check(edit, original: doc, pointer: pointer, value: value, context: "\(url.lastPathComponent) \(pointer)")
                    edits += 1
                }
            }
        }
        XCTAssertGreaterThan(edits, 1000)
    }

    func testEveryScalarOfEverySharedBlueprintAsYAML() throws {
        var edits = 0
        for (n, url) in try sharedBlueprints().enumerated() {
            let bytes = try Array(Data(contentsOf: url))
            guard case .success(let json) = Document.parse(path: url.path, bytes: bytes) else { continue }
            let yaml = try Self.yaml(json.root, variant: n)
            let doc: Document
            switch Document.parse(path: "stack_config_template.yaml", bytes: Array(yaml.utf8)) {
            case .success(let d): doc = d
            case .failure(let e): XCTFail("converted YAML does not parse: \(e.error.message)\n\(yaml)"); continue
            }
            XCTAssertEqual(doc.root, json.root, "conversion of \(url.lastPathComponent)")
            for (index, (pointer, node)) in Self.scalars(doc.root).enumerated() {
                for value in Self.replacements(for: node, index: index) {
                    let context = "\(url.lastPathComponent) as YAML \(pointer) ← \(value)"
                    guard let edit = try? ScalarEditor.replace(pointer, with: value, in: doc) else {
                        XCTFail("no edit: \(context)"); continue
                    }
                    XCTAssertEqual(edit.replaced.start, node.range.start, context)
                    check(edit, original: doc, pointer: pointer, value: value, context: context)
                    // The bytes taken out were the old value: a one-line slice reads back as it.
                    let old = Array(doc.source.bytes[edit.replaced.start..<edit.replaced.end])
                    if let s = node.string, !old.contains(0x0A), !old.isEmpty, old.first != UInt8(ascii: "|"), old.first != UInt8(ascii: ">") {
                        XCTAssertEqual(try Yams.load(yaml: "k: " + String(decoding: old, as: UTF8.self)) as? [String: String], ["k": s], context)
                    }
                    edits += 1
                }
            }
        }
        XCTAssertGreaterThan(edits, 1000)
    }

    /// Only the replaced range differs, and the re-parsed file has the new value there and the
    /// old value everywhere else.
    func check(_ edit: ScalarEdit, original: Document, pointer: String, value: ScalarValue, context: String,
               file: StaticString = #filePath, line: UInt = #line) {
        let before = original.source.bytes
        let after = edit.bytes
        XCTAssertEqual(Array(after[..<edit.replaced.start]), Array(before[..<edit.replaced.start]), "prefix: \(context)", file: file, line: line)
        XCTAssertEqual(Array(after[edit.replacement.end...]), Array(before[edit.replaced.end...]), "suffix: \(context)", file: file, line: line)
        guard case .success(let reparsed) = Document.parse(path: original.source.path, bytes: after) else {
            return XCTFail("does not re-parse: \(context)", file: file, line: line)
        }
        let old = Self.scalars(original.root), new = Self.scalars(reparsed.root)
        XCTAssertEqual(old.map { $0.0 }, new.map { $0.0 }, "same pointers: \(context)", file: file, line: line)
        for ((p, a), (_, b)) in zip(old, new) where p != pointer {
            XCTAssertEqual(a, b, "\(p) unchanged: \(context)", file: file, line: line)
        }
        let got = JSONPointer.resolve(pointer, in: reparsed.root)
        XCTAssertEqual(got, Tree(value.kind, .at(0)), "new value: \(context)", file: file, line: line)
        let expectedType = Tree(value.kind, .at(0)).typeName
        XCTAssertEqual(got.map { $0.typeName == "integer" ? "number" : $0.typeName }, expectedType == "integer" ? "number" : expectedType, context, file: file, line: line)
    }

    /// A YAML rendering of a tree whose string scalars use a different style per variant (plain
    /// where it reads back as the string, then single-quoted, double-quoted, literal blocks).
    static func yaml(_ node: Tree, variant: Int) throws -> String {
        var counter = variant
        func convert(_ n: Tree) -> Yams.Node {
            switch n.kind {
            case .object(let m): return .mapping(.init(m.map { (Yams.Node($0.key), convert($0.value)) }))
            case .array(let e): return .sequence(.init(e.map(convert)))
            case .string(let s):
                counter += 1
                let styles: [Yams.Node.Scalar.Style] = [.plain, .singleQuoted, .doubleQuoted, .plain]
                var style = styles[counter % styles.count]
                if s.contains("\n") { style = YAMLScalarWriter.literalBlock(s, indent: 2) != nil && counter % 2 == 0 ? .literal : .doubleQuoted }
                if style == .plain && !YAMLScalarWriter.isPlainSafe(s) { style = .doubleQuoted }
                if style == .singleQuoted && !YAMLScalarWriter.isSingleQuoteSafe(s) { style = .doubleQuoted }
                return .scalar(.init(s, .init(.str), style))
            case .number(let x): return .scalar(.init(x.raw, .init(x.integer != nil ? .int : .float), .plain))
            case .bool(let b): return .scalar(.init(b ? "true" : "false", .init(.bool), .plain))
            case .null: return .scalar(.init("null", .init(.null), .plain))
            }
        }
        return try Yams.serialize(node: convert(node), indent: 2, width: -1, allowUnicode: true)
    }

    // MARK: hand-written YAML styles

    static let styled = """
    # a comment that must survive
    PipelineName: plain-name   # trailing comment
    REGION: 'us-east-1'
    STAGE: "web\\tsubstack"
    Lambda:
      CodeUri: ../../protocols
      LambdaConfig:
        AMI: ami-0aaaaaaaaaaaaaaaa
        MAXCOST: 300
        COMMAND: |
          cd /home/ubuntu
          bash run.sh {} {}
        SUMMARY: >-
          folded text
          over lines
        LONG: a plain scalar
          continued on a second line
    Flow: {a: one, b: [x, y]}
    UXData:
      Affiliates:
        - AffiliateName: alpha
          UserNames: [alice, "bob"]
    """

    func testHandWrittenYAMLStylesEachKeepTheRestOfTheFile() throws {
        let doc = try XCTUnwrap(document(Self.styled, path: "b.yaml"))
        for (index, (pointer, node)) in Self.scalars(doc.root).enumerated() {
            for value in Self.replacements(for: node, index: index) {
                let edit = try ScalarEditor.replace(pointer, with: value, in: doc)
                check(edit, original: doc, pointer: pointer, value: value, context: "\(pointer) ← \(value)")
            }
        }
    }

    func testStylesAreKeptWhereTheValueAllows() throws {
        let doc = try XCTUnwrap(document(Self.styled, path: "b.yaml"))
        func edited(_ pointer: String, _ value: ScalarValue) throws -> String {
            String(decoding: try ScalarEditor.replace(pointer, with: value, in: doc).bytes, as: UTF8.self)
        }
        XCTAssertTrue(try edited("/Lambda/LambdaConfig/AMI", .string("ami-0bbbbbbbbbbbbbbbb")).contains("    AMI: ami-0bbbbbbbbbbbbbbbb\n"))
        XCTAssertTrue(try edited("/REGION", .string("eu-west-1")).contains("REGION: 'eu-west-1'\n"))
        XCTAssertTrue(try edited("/STAGE", .string("dev")).contains("STAGE: \"dev\"\n"))
        XCTAssertTrue(try edited("/PipelineName", .string("yes")).contains("PipelineName: 'yes'   # trailing comment\n"), "a plain 'yes' would read as a boolean")
        XCTAssertTrue(try edited("/PipelineName", .string("null")).contains("PipelineName: 'null'   # trailing comment\n"), "a plain 'null' would read as null")
        XCTAssertTrue(try edited("/Lambda/LambdaConfig/AMI", .string("~")).contains("    AMI: '~'\n"), "a plain '~' would read as null")
        XCTAssertTrue(try edited("/PipelineName", .string("two\nlines")).contains("PipelineName: \"two\\nlines\"   # trailing comment\n"))
        XCTAssertTrue(try edited("/Lambda/LambdaConfig/COMMAND", .string("echo 1\necho 2\n")).contains("    COMMAND: |\n      echo 1\n      echo 2\n    SUMMARY"))
        XCTAssertTrue(try edited("/Flow/b/1", .string("z")).contains("Flow: {a: one, b: [x, z]}"))
        XCTAssertTrue(try edited("/Lambda/LambdaConfig/MAXCOST", .integer(150)).contains("    MAXCOST: 150\n"))
        XCTAssertTrue(try edited("/Lambda/LambdaConfig/LONG", .string("short")).contains("    LONG: short\nFlow"))
    }

    func testJSONEscapingAndErrors() throws {
        let text = "{\n  \"a\": \"x\",\n  \"b\": [1, true, null],\n  \"c\": {\"d\": \"\\u00e9\"}\n}\n"
        let doc = try XCTUnwrap(document(text))
        let edit = try ScalarEditor.replace("/a", with: .string("q\"\\\n\u{1}é"), in: doc)
        XCTAssertEqual(String(decoding: edit.bytes, as: UTF8.self), text.replacingOccurrences(of: "\"x\"", with: "\"q\\\"\\\\\\n\\u0001é\""))
        XCTAssertThrowsError(try ScalarEditor.replace("/missing", with: .null, in: doc)) { XCTAssertTrue("\($0)".contains("has no value at missing"), "\($0)") }
        XCTAssertThrowsError(try ScalarEditor.replace("/c", with: .null, in: doc)) { XCTAssertTrue("\($0)".contains("an object with 1 key"), "\($0)") }
        XCTAssertThrowsError(try ScalarEditor.replace("/b/0", with: .number("1.2.3"), in: doc)) { XCTAssertTrue("\($0)".contains("not a number"), "\($0)") }
    }

    func testYAMLAnchorsAreRefusedRatherThanGuessed() throws {
        let doc = try XCTUnwrap(document("a: &x one\nb: *x\n", path: "b.yaml"))
        XCTAssertThrowsError(try ScalarEditor.replace("/a", with: .string("two"), in: doc)) {
            XCTAssertTrue("\($0)".contains("edit it by hand"), "\($0)")
        }
    }

    func testFileEditIsAtomicAndKeepsPermissions() throws {
        let dir = try temporaryDirectory(self)
        let path = dir.appendingPathComponent("stack_config_template.json").path
        try Data("{\"Lambda\": {\"LambdaConfig\": {\"AMI\": \"ami-1\"}}}\n".utf8).write(to: URL(fileURLWithPath: path))
        chmod(path, 0o640)
        try ScalarEditor.replace("/Lambda/LambdaConfig/AMI", with: .string("ami-2"), inFile: path)
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "{\"Lambda\": {\"LambdaConfig\": {\"AMI\": \"ami-2\"}}}\n")
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o640)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["stack_config_template.json"], "no temporary file left")
        // A failed edit leaves the file untouched.
        XCTAssertThrowsError(try ScalarEditor.replace("/Lambda/Nope", with: .string("x"), inFile: path))
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "{\"Lambda\": {\"LambdaConfig\": {\"AMI\": \"ami-2\"}}}\n")
        // Writing into a directory that is not writable fails with a sentence and keeps the file.
        chmod(dir.path, 0o500)
        defer { chmod(dir.path, 0o700) }
        if getuid() != 0 {
            XCTAssertThrowsError(try AtomicFile.write("x", to: path)) { XCTAssertTrue("\($0)".contains("left as it was"), "\($0)") }
            XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "{\"Lambda\": {\"LambdaConfig\": {\"AMI\": \"ami-2\"}}}\n")
        }
    }
}
