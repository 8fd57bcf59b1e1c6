import Foundation
import XCTest
@testable import BlueprintKit

/// The fast paths of the validate hot path against the general code they stand in for: pattern
/// tables against the regex matcher, deferred pointers against JSONPointer, concrete joins,
/// column counting, BP103's text and the parser's stacks against what they replaced.
final class HotPathTests: XCTestCase {
    /// Patterns in the table subset, the bundled schema's among them.
    static let tablePatterns = BlueprintSchemaCheck.patterns!.map(\.source) + [
        "^[a-z]+$", "^\\w+$", "^\\d{3}$", "^a{2,}$", "^a{0,2}b?$", "^(ab|a)*c$", "^(?:ab)+$", "^[\\-a]+$", "^[.]$",
        "^(a|ab)(c|bcd)(d*)$", "^(a+)+$", "^$", "^x+?y$", "^[+=,.@_-]+$", "^[a-]*$", "^a\\.b\\/c\\-d$", "^([0-9]+(\\.[0-9]+)?)?$",
    ]

    /// Strings over each pattern's own characters, others, and non-ASCII, plus every string of the
    /// shared blueprints: the table accepts exactly what the matcher matches.
    func testPatternTablesAgreeWithTheMatcher() throws {
        var strings = ECMARegexTests.inputs + ["", "a", "é", "a\u{301}", "ab\u{0}", "x\ny", "ami-0123abcd\n", "ami-0123ABCD"]
        strings += try sharedBlueprintStrings()
        var generator = SystemRandomNumberGenerator()
        for p in Self.tablePatterns {
            let table = try XCTUnwrap(PatternDFACompiler.compile(p), "\(p) should compile to a table")
            let regex = try XCTUnwrap(ECMARegex(p), p)
            let alphabet = Array(Set(p.unicodeScalars.map(Character.init))) + ["a", "z", "0", "9", "-", ".", "_", "A", "é", " "]
            var tried = strings
            for _ in 0..<1_500 {
                let n = Int.random(in: 0...24, using: &generator)
                tried.append(String((0..<n).map { _ in alphabet.randomElement(using: &generator)! }))
            }
            for s in tried {
                guard let expected = regex.firstMatch(in: s) else { continue }
                XCTAssertEqual(table.accepts(s), expected, "/\(p)/ on \"\(s)\"")
            }
        }
    }

    /// Every pattern of the bundled schema is translated (otherwise the fast path silently goes).
    func testBundledPatternsAllHaveTables() throws {
        let generated = try String(contentsOf: TestPaths.repo.appendingPathComponent("Sources/BlueprintKit/Schema/Generated/BlueprintSchemaCheck.swift"), encoding: .utf8)
        for (i, p) in BlueprintSchemaCheck.patterns!.enumerated() {
            XCTAssertNotNil(PatternDFACompiler.compile(p.source), p.source)
            XCTAssertTrue(generated.contains("_pattern.accepts(n) { r.pattern(n, \(i), "), "pattern \(i) without its table")
        }
    }

    func testPatternsOutsideTheTableSubsetAreRefused() {
        for p in ["a", "^a", "a$", "^a|b$", "^.$", "^[^a]$", "^\\s$", "^(?=a)$", "^é$", "^a{2$", "^a**$", "^\\bx$", "^(a)\\1$",
                  "^[]$", "^[b-a]$", "^\\$", "^a\\$", "^x{99999}$", "^(a$", "^a)$", "^[\\w-z]$", "^\\p{L}$", "^a^b$", "^a$b$"] {
            XCTAssertNil(PatternDFACompiler.compile(p), p)
        }
        XCTAssertNil(PatternDFACompiler.compile("^a{300}$"), "more states than the table holds")
    }

    /// Deferred pointers write exactly what JSONPointer builds, escapes included.
    func testDeferredPointersMatchJSONPointer() throws {
        for base in ["", "/Lambda", "/a~1b", "/UXData/Affiliates/3"] {
            for key in ["AMI", "a/b", "~", "~1", "", "é ü", "0"] {
                XCTAssertEqual(DeferredPointer(parent: base, key: key).text, JSONPointer.appending(base, key))
            }
            for i in [0, 7, 123] { XCTAssertEqual(DeferredPointer(parent: base, index: i).text, JSONPointer.appending(base, i)) }
            XCTAssertEqual(DeferredPointer(base).text, base)
        }
        let text = """
            {"PipelineName": "p", "odd/key~": 1, "Lambda": {"LambdaConfig": {"AMI": "ami-0123abcd", "x~y": 2},
             "CodeUri": "c"}, "UXData": {"Affiliates": [{"AffiliateName": "a", "UserNames": ["u1", 3, "u/2"]}]}}
            """
        let doc = try Document.parse(path: "p.json", bytes: Array(text.utf8), syntax: nil).get()
        let bp = Blueprint(document: doc)
        XCTAssertEqual(bp.unknownFields.map(\.pointer), ["/odd~1key~0"])
        XCTAssertEqual(bp.lambda?.config?.ami?.pointer, "/Lambda/LambdaConfig/AMI")
        XCTAssertEqual(bp.lambda?.config?.ami?.string?.pointer, "/Lambda/LambdaConfig/AMI")
        XCTAssertEqual(bp.lambda?.config?.unknownFields.map(\.pointer), ["/Lambda/LambdaConfig/x~0y"])
        XCTAssertEqual(bp.lambda?.codeUri?.pointer, "/Lambda/CodeUri")
        XCTAssertEqual(bp.affiliates.first?.name?.pointer, "/UXData/Affiliates/0/AffiliateName")
        XCTAssertEqual(bp.affiliates.first?.users.map(\.pointer), ["/UXData/Affiliates/0/UserNames/0", "/UXData/Affiliates/0/UserNames/2"])
        XCTAssertEqual(bp.affiliates.first?.users.map(\.value), ["u1", "u/2"])
        XCTAssertEqual(Field(key: "k", member: doc.root.members![0], pointer: "/given").pointer, "/given")
        XCTAssertEqual(Located(1, node: doc.root, pointer: "/given").pointer, "/given")
    }

    /// BP103's messages, written into a buffer, read as the interpolation and `joined` wrote them.
    func testUnusedFieldMessagesMatchTheGeneralForm() throws {
        let dir = TestPaths.sharedBlueprints
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
            .map { dir.appendingPathComponent($0).appendingPathComponent("stack_config_template.json").path }
            .filter { FileManager.default.fileExists(atPath: $0) }
        let context = RuleContext()
        var multi = 0
        for path in files {
            guard case .success(let doc) = Document.load(path: path) else { continue }
            let bp = Blueprint(document: doc)
            for d in UnusedFieldRule().check(bp, context) {
                guard let object = bp.catalogObjects.first(where: { d.message.hasPrefix($0.label + " has ") }) else { continue }
                let unused = (object.node.members ?? []).filter { m in
                    let spec = CatalogIndex.specs.firstIndex { $0.container == object.container && $0.key == m.key }
                    return spec.map { UnusedFieldRule.unused[$0] } ?? false
                }
                let reasons = unused.map { m in CatalogIndex.unusedReason[CatalogIndex.specs.firstIndex { $0.container == object.container && $0.key == m.key }!]! }
                    .reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
                XCTAssertEqual(d.message, "\(object.label) has \(unused.count) keys that nothing reads: \(unused.map(\.key).joined(separator: ", "))")
                XCTAssertEqual(d.hint, "delete them (\(reasons.joined(separator: "; ")))")
                multi += 1
            }
        }
        XCTAssertGreaterThan(multi, 5, "the shared blueprints have objects with several unused keys")
    }

    func testJoinedTextMatchesJoined() {
        var generator = SystemRandomNumberGenerator()
        let words = ["", "a", "Lambda", "é", "a\u{301}", "x, y", "\u{1F469}\u{200D}\u{1F469}"]
        for n in 0..<40 {
            let list = (0..<(n % 7)).map { _ in words.randomElement(using: &generator)! }
            for sep in [", ", "; ", "", "\u{301}"] {
                XCTAssertEqual(Array(list.joinedText(separator: sep).unicodeScalars), Array(list.joined(separator: sep).unicodeScalars))
            }
        }
    }

    /// The parser's stacks move members out in order, grow, and give back what an error left.
    func testMoveStackKeepsOrderAndFreesOnErrors() {
        var stack = MoveStack<String>(capacity: 1)
        let values = (0..<100).map { String(repeating: "x", count: $0) } // heap strings from 16 bytes
        for v in values { stack.push(v) }
        XCTAssertEqual(stack.popArray(from: 90), Array(values[90...]))
        XCTAssertEqual(stack.count, 90)
        XCTAssertEqual(stack.popArray(from: 90), [])
        XCTAssertEqual(stack.withElement(89) { $0 }, values[89])
        stack.free()
        // Errors deep inside open containers (their members still on the stacks), then a parse
        // that succeeds: each parse has its own stacks.
        for text in ["{\"a\": [1, {\"b\": [2, \"long string value here\",", "[[[[{\"k\": 1, \"k\": 2}]]]]", "{\"x\": [1, 2,]}"] {
            XCTAssertThrowsError(try JSONParser.parse(Array(text.utf8)), text)
        }
        XCTAssertEqual(try JSONParser.parse(Array("{\"a\": [1, {\"b\": []}], \"c\": {}}".utf8)).members?.map(\.key), ["a", "c"])
    }

    /// Columns counted eight bytes at a time equal the scalar count of a byte loop.
    func testScalarStartsMatchAByteLoop() {
        var generator = SystemRandomNumberGenerator()
        let pieces: [[UInt8]] = [[0x61], [0x0A], Array("é".utf8), Array("€".utf8), Array("😀".utf8), [0x09], [0x7F]]
        for _ in 0..<300 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...60, using: &generator) { bytes += pieces.randomElement(using: &generator)! }
            let from = Int.random(in: 0...bytes.count, using: &generator), to = Int.random(in: from...bytes.count, using: &generator)
            let expected = bytes[from..<to].filter { $0 & 0xC0 != 0x80 }.count
            XCTAssertEqual(SourceFile.scalarStarts(bytes, from, to), expected)
        }
        // And through location(of:), on a file with multi-byte text before the offsets.
        let source = SourceFile(path: "x", text: "{\n  \"é€😀 abcdefghij\": \"value\"\n}")
        XCTAssertEqual(source.location(of: 10).column, 6) // two spaces, the quote, é and €
        XCTAssertEqual(source.location(of: 10).line, 2)
    }

    func testDecimalWidthIsWhatOutputBufferWrites() {
        for n in [0, 1, 9, 10, 99, 100, 12_345, -1, -10, Int.max, Int.min] {
            var out = OutputBuffer()
            out.write(n)
            XCTAssertEqual(TextRenderer.decimalWidth(n), out.bytes.count, "\(n)")
        }
    }

    func testRepeatedAndLiteralWriteTheirBytes() {
        var out = OutputBuffer()
        out.repeated(UInt8(ascii: "~"), 3)
        out.repeated(0x20, 0)
        out.repeated(0x20, -2)
        out.literal("…")
        out.literal(" |")
        out.repeated(0x20, 2_000)
        XCTAssertEqual(out.bytes, Array("~~~… |".utf8) + [UInt8](repeating: 0x20, count: 2_000))
    }

    /// The model's one-pass member index gives the fields `Node.field` finds and the unknown
    /// keys `Blueprint.unknown` lists, on the shared blueprints and on objects with shuffled,
    /// missing, look-alike and unknown keys.
    func testMemberIndexMatchesFieldLookups() throws {
        var generator = SystemRandomNumberGenerator()
        var objects: [Node] = []
        func walk(_ n: Node) {
            if n.isObject { objects.append(n) }
            for m in n.members ?? [] { walk(m.value) }
            for e in n.elements ?? [] { walk(e) }
        }
        let dir = TestPaths.sharedBlueprints
        for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) {
            let path = dir.appendingPathComponent(name).appendingPathComponent("stack_config_template.json").path
            guard let data = FileManager.default.contents(atPath: path), let root = try? JSONParser.parse(Array(data)) else { continue }
            walk(root)
        }
        let keyPool = FieldCatalog.all.map(\.key) + ["AMI ", "ami", "\u{212A}EY_NAME", "x", "", "Lambda/x", "~"]
        for _ in 0..<200 {
            let keys = Array(Set((0..<Int.random(in: 0...12, using: &generator)).map { _ in keyPool.randomElement(using: &generator)! }))
            let text = "{" + keys.enumerated().map { "\(JSONOut.quoted($1)): \($0)" }.joined(separator: ", ") + "}"
            objects.append(try JSONParser.parse(Array(text.utf8)))
        }
        objects.append(try JSONParser.parse(Array("[1]".utf8)))
        for lists in [FieldCatalog.topKeys, FieldCatalog.lambdaKeys, FieldCatalog.configKeys, FieldCatalog.uxDataKeys, FieldCatalog.affiliateKeys] {
            for object in objects {
                let index = MemberIndex(object, pointer: "/p", known: KnownKeys(lists))
                for (slot, key) in lists.enumerated() {
                    let fast = index.field(slot), general = object.field(key, parentPointer: "/p")
                    XCTAssertEqual(fast?.key, general?.key)
                    XCTAssertEqual(fast?.pointer, general?.pointer)
                    XCTAssertEqual(fast?.keyRange, general?.keyRange)
                    XCTAssertEqual(fast?.node.range, general?.node.range)
                }
                let general = Blueprint.unknown(in: object, pointer: "/p", known: lists)
                XCTAssertEqual(index.unknownFields.map(\.pointer), general.map(\.pointer))
                XCTAssertEqual(index.unknownFields.map(\.keyRange), general.map(\.keyRange))
            }
        }
    }

    /// One pass over a value for all template words says what a pass per word says.
    func testTemplateWordsInOnePass() {
        var generator = SystemRandomNumberGenerator()
        let pieces = TemplateLeftover.words.map { String(decoding: $0, as: UTF8.self) }
            + ["HERE", "Example", "x", " ", "-", "é", "a", "sHould", "e.G", "list  of", "[", "]", "1", "heres", "ahere"]
        var values = ["your ami here", "the name of it", "python run.py", "", " ", "here", "e.g", "ex"]
        for _ in 0..<3_000 {
            values.append((0..<Int.random(in: 0...8, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined())
        }
        for v in values {
            var s = v
            s.withUTF8 { b in
                XCTAssertEqual(TemplateLeftover.containsAnyWord(b), TemplateLeftover.containsAnyWordByWord(b), v.debugDescription)
            }
        }
    }

    /// NameMap's hash over the contiguous bytes is FNV-1a of the UTF-8, as it was over `utf8`.
    func testNameMapHashIsFNVOfTheBytes() {
        for name in ["", "alice", "é", "a\u{301}", String(repeating: "long name ", count: 10), "\u{1F469}\u{200D}\u{1F469}"] {
            var h: UInt64 = 0xCBF2_9CE4_8422_2325
            for b in name.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 }
            XCTAssertEqual(NameMap<Int>.hash(name), Int(truncatingIfNeeded: h ^ (h >> 29)))
        }
    }

    private func sharedBlueprintStrings() throws -> [String] {
        let dir = TestPaths.sharedBlueprints
        var out: [String] = []
        func walk(_ n: Node) {
            switch n.kind {
            case .string(let s): out.append(s)
            case .object(let members): for m in members { out.append(m.key); walk(m.value) }
            case .array(let elements): elements.forEach(walk)
            default: break
            }
        }
        for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) {
            let path = dir.appendingPathComponent(name).appendingPathComponent("stack_config_template.json").path
            guard let data = FileManager.default.contents(atPath: path), let root = try? JSONParser.parse(Array(data)) else { continue }
            walk(root)
        }
        XCTAssertGreaterThan(out.count, 500)
        return out
    }
}
