import Foundation
import SchemaICU
import XCTest
@testable import BlueprintKit

/// Patterns ECMARegex refuses need the engine SchemaICU registers. Without it (a front linked
/// without Foundation) compiling one throws PatternEngineUnavailable, which reaches the caller
/// through SchemaCompileError and SchemaProblems; with it, nothing changes.
final class PatternEngineTests: XCTestCase {
    override func tearDown() {
        SchemaICU.install() // the other suites expect the engine the executables register
        super.tearDown()
    }

    private let icuOnly = ["(?<=a)b", "^(?!x)", "(a)\\1", "\\bword\\b", "^\\p{L}+$"]

    private func compile(_ text: String) throws(SchemaCompileError) -> CompiledSchema {
        let source = SourceFile(path: "s.json", text: text)
        let root = try! JSONParser.parse(source.bytes)
        return try SchemaCompiler().compile(root, source: source, retrievalURI: "file:///s.json")
    }

    func testWithoutEngineICUPatternsThrowPatternEngineUnavailable() throws {
        PatternEngine.unregister()
        XCTAssertFalse(PatternEngine.isRegistered)
        for p in icuOnly {
            XCTAssertNil(ECMARegex(p), "\(p) is outside ECMARegex's subset")
            XCTAssertThrowsError(try Pattern(p)) { error in
                XCTAssertEqual((error as? PatternEngineUnavailable)?.pattern, p)
            }
        }
        XCTAssertTrue(PatternEngine.wasNeeded)
        // ECMARegex's subset still compiles and matches.
        XCTAssertEqual(try Pattern("^ami-[0-9a-f]{8,17}$").test("ami-0123abcd"), true)
        // The compiler's error carries it (with the pattern's position), and so does the loader's.
        do {
            _ = try compile(#"{"properties": {"a": {"pattern": "(?<=a)b"}}}"#)
            XCTFail("compiled without an engine")
        } catch {
            XCTAssertEqual(error.patternEngineUnavailable?.pattern, "(?<=a)b")
            XCTAssertEqual(error.offset, 33) // the pattern's string
            XCTAssertTrue(error.message.contains("ICU"), error.message)
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pattern-engine-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("schema.json").path
        try #"{"$schema": "https://json-schema.org/draft/2020-12/schema", "pattern": "\\bx"}"#.write(toFile: file, atomically: true, encoding: .utf8)
        guard case .failure(let problems) = SchemaLoader.load(path: file) else { return XCTFail("loaded without an engine") }
        XCTAssertEqual(problems.patternEngineUnavailable?.pattern, "\\bx")
        // A format check cannot answer without the engine: unknown format, not a failure.
        XCTAssertNil(Formats.check("regex", "(?<=a)b"))
        XCTAssertEqual(Formats.check("regex", "^a+$"), true)
    }

    func testWithEngineNothingChanges() throws {
        SchemaICU.install()
        XCTAssertTrue(PatternEngine.isRegistered)
        XCTAssertEqual(try Pattern("(?<=a)b").test("ab"), true)
        XCTAssertEqual(try Pattern("(?<=a)b").test("cb"), false)
        XCTAssertEqual(try Pattern("\\bword\\b").test("a word here"), true)
        XCTAssertEqual(try Pattern("^\\p{L}+$").test("héllo"), true)
        XCTAssertEqual(Formats.check("regex", "(?<=a)b"), true)
        XCTAssertEqual(Formats.check("regex", "(?<=a"), false)
        // An invalid pattern is still reported as invalid, not as a missing engine.
        do {
            _ = try compile(#"{"pattern": "(?<=a"}"#)
            XCTFail("compiled an invalid pattern")
        } catch {
            XCTAssertNil(error.patternEngineUnavailable)
            XCTAssertTrue(error.message.hasPrefix("invalid regular expression '(?<=a'"), error.message)
        }
        XCTAssertNoThrow(try compile(#"{"pattern": "(?<=a)b"}"#))
    }

    /// The bundled schema's patterns are all in ECMARegex's subset: `bpctl validate` with the
    /// bundled schema never needs the engine.
    func testBundledSchemaNeedsNoEngine() throws {
        var patterns: [String] = []
        func walk(_ n: Node, key: String?) {
            switch n.kind {
            case .object(let members):
                for m in members {
                    if m.key == "pattern", let p = m.value.string { patterns.append(p) }
                    if m.key == "patternProperties", case .object(let ps) = m.value.kind { patterns += ps.map(\.key) }
                    walk(m.value, key: m.key)
                }
            case .array(let items): for i in items { walk(i, key: nil) }
            default: break
            }
        }
        walk(try JSONParser.parse(Array(BlueprintSchema.text.utf8)), key: nil)
        XCTAssertGreaterThan(patterns.count, 5)
        for p in patterns { XCTAssertNotNil(ECMARegex(p), p) }
        PatternEngine.unregister()
        let source = SourceFile(path: "schemas/blueprint.schema.json", text: BlueprintSchema.text)
        XCTAssertNoThrow(try SchemaCompiler().compile(try JSONParser.parse(source.bytes), source: source, retrievalURI: BlueprintSchema.uri))
    }
}
