import Foundation
import SchemaICU
import XCTest
@testable import BlueprintKit

/// The bundled schema's generated check (Generated/BlueprintSchemaCheck.swift) against the
/// interpreter: the file is what the generator makes of the current schema, and both give the
/// same SchemaErrors (every field) on the shared blueprints and thousands of mutated versions.
final class GeneratedSchemaCheckTests: XCTestCase {
    /// The ICU engine the executables register at start-up (schema patterns ECMARegex refuses).
    override class func setUp() {
        super.setUp()
        SchemaICU.install()
    }

    private func interpreted() throws -> CompiledSchema { try XCTUnwrap(BlueprintSchema.interpreted) }

    func testGeneratedFileIsCurrent() throws {
        let path = TestPaths.repo.appendingPathComponent("Sources/BlueprintKit/Schema/Generated/BlueprintSchemaCheck.swift")
        let file = try String(contentsOf: path, encoding: .utf8)
        XCTAssertEqual(try SchemaCodeGenerator.bundledBlueprintCheck(), file, "stale: run scripts/gen-schema-check.sh")
    }

    func testBundledSchemaUsesTheGeneratedCheck() throws {
        let compiled = try XCTUnwrap(BlueprintSchema.compiled)
        XCTAssertNotNil(compiled.generated)
        XCTAssertNotNil(BlueprintSchemaCheck.patterns, "every pattern compiles")
        XCTAssertNil(try interpreted().generated)
        // Asking for the graph gives the interpreter's schema, not a placeholder.
        XCTAssertEqual(compiled.root.location, try interpreted().root.location)
        XCTAssertEqual(compiled.root.keywords.count, try interpreted().root.keywords.count)
    }

    /// Field by field, in order, so a difference names what differs.
    private func assertSame(_ instance: Node, _ label: @autoclosure () -> String, file: StaticString = #filePath, line: UInt = #line) throws -> [SchemaError] {
        let expected = SchemaEvaluator(try interpreted()).validate(instance)
        let actual = try XCTUnwrap(BlueprintSchemaCheck.validate(instance))
        XCTAssertEqual(show(actual), show(expected), label(), file: file, line: line)
        return expected
    }

    func testSameErrorsOnTheSharedBlueprints() throws {
        let files = try sharedBlueprints()
        XCTAssertGreaterThanOrEqual(files.count, 20)
        var total = 0
        for path in files {
            let doc = try Document.load(path: path).get()
            total += try assertSame(doc.root, path).count
        }
        XCTAssertGreaterThan(total, 0, "some shared blueprints break the schema, so errors are compared too")
    }

    /// Wrong types, missing and extra keys, near-miss keys and enum values, pattern and bound
    /// violations at every value of every shared blueprint, and a few whole documents.
    func testSameErrorsOnMutatedBlueprints() throws {
        var keywords: [String: Int] = [:]
        var count = 0
        var descriptions = 0
        // Every other blueprint (they share most shapes): ~12 s in a debug build instead of 25.
        for (k, path) in try sharedBlueprints().enumerated() where k % 2 == 0 {
            let doc = try Document.load(path: path).get()
            for (i, variant) in Self.variants(doc.root).enumerated() {
                for e in try assertSame(variant, "\(path) variant \(i)") {
                    keywords[e.keyword, default: 0] += 1
                    if e.description != nil { descriptions += 1 }
                }
                count += 1
            }
        }
        for text in Self.documents {
            let root = try JSONParser.parse(Array(text.utf8))
            for e in try assertSame(root, text) { keywords[e.keyword, default: 0] += 1 }
            count += 1
        }
        XCTAssertGreaterThan(count, 5_000)
        XCTAssertGreaterThan(descriptions, 0)
        // Every keyword of the schema failed somewhere, so each generated branch was compared.
        for k in ["type", "required", "pattern", "enum", "additionalProperties", "anyOf", "minimum", "maximum",
                  "maxLength", "minLength", "minItems"] {
            XCTAssertGreaterThan(keywords[k] ?? 0, 0, "no mutation broke '\(k)'")
        }
    }

    /// The BP001 findings (what users see) through both paths, with rules' findings dropped.
    func testSameDiagnosticsThroughSchemaFindings() throws {
        for path in try sharedBlueprints() {
            let doc = try Document.load(path: path).get()
            for variant in Self.variants(doc.root).prefix(100) {
                let d = Document(source: doc.source, root: variant)
                let a = SchemaFindings.diagnostics(try XCTUnwrap(BlueprintSchema.compiled), d, formatAssertion: false, coveredBy: [])
                let b = SchemaFindings.diagnostics(try interpreted(), d, formatAssertion: false, coveredBy: [])
                XCTAssertEqual(a.map { "\($0.message) \($0.hint ?? "") \($0.pointer ?? "")" }, b.map { "\($0.message) \($0.hint ?? "") \($0.pointer ?? "")" })
            }
        }
    }

    // MARK: every translated keyword (GeneratedCoverageCheck, from Fixtures/generator-coverage.schema.json)

    private func coverageSchemaText() throws -> String {
        try String(contentsOf: TestPaths.repo.appendingPathComponent(SchemaCodeGenerator.coverageSchemaPath), encoding: .utf8)
    }

    func testCoverageFileIsCurrent() throws {
        let file = try String(contentsOf: TestPaths.repo.appendingPathComponent(SchemaCodeGenerator.coverageCheckPath), encoding: .utf8)
        XCTAssertEqual(try SchemaCodeGenerator.coverageCheck(schemaText: try coverageSchemaText()), file, "stale: run scripts/gen-schema-check.sh")
    }

    func testCoverageCheckMatchesTheInterpreter() throws {
        let source = SourceFile(path: SchemaCodeGenerator.coverageSchemaPath, text: try coverageSchemaText())
        let compiled = try SchemaCompiler().compile(try JSONParser.parse(source.bytes), source: source,
                                                    retrievalURI: "https://bpctl.invalid/generator-coverage.json")
        let base = ##"""
        {"s": "abc", "n": 5, "i": 3, "b": true, "e": "café", "yes": 1, "a": ["x", "y"], "o": {"k": 1}, "all": "w", "any": 7,
         "types": 1, "closed": {"x": 1, "yy": 2}, "open": {}, "req": {"p": "v", "q": 1}, "a/b~c": 1, "extra": "word"}
        """##
        var keywords: [String: Int] = [:]
        var count = 0
        let roots = try [base, "[]", "3", ##"{"no": 1, "n": null, "any": [1], "types": "x", "req": {}}"##,
                         ##"{"s": "x", "n": 0.5, "i": 2.5, "any": 2, "all": 5, "o": {}, "a": ["a b", 1, "c", "d"]}"##,
                         ##"{"s": "abcdef", "n": 9.5, "o": {"a": 1, "b": 2, "c": "x"}, "e": "blu", "closed": {"xx": 1}}"##]
            .map { try JSONParser.parse(Array($0.utf8)) }
        for root in roots {
            for variant in [root] + Self.variants(root) {
                let expected = SchemaEvaluator(compiled).validate(variant)
                let actual = try XCTUnwrap(GeneratedCoverageCheck.validate(variant))
                XCTAssertEqual(show(actual), show(expected))
                for e in expected { keywords[e.keyword, default: 0] += 1 }
                count += 1
            }
        }
        XCTAssertGreaterThan(count, 800)
        for k in ["type", "required", "pattern", "enum", "additionalProperties", "properties", "anyOf", "minimum", "maximum",
                  "exclusiveMinimum", "exclusiveMaximum", "maxLength", "minLength", "minItems", "maxItems",
                  "minProperties", "maxProperties"] {
            XCTAssertGreaterThan(keywords[k] ?? 0, 0, "no variant broke '\(k)'")
        }
    }

    private func show(_ e: [SchemaError]) -> [String] {
        e.map { "\($0.instancePointer) \($0.instanceRange.start)-\($0.instanceRange.end) \($0.keyword) \($0.keywordLocation) \($0.message) | \($0.description ?? "-")" }
    }

    func testGeneratorRefusesWhatItDoesNotTranslate() throws {
        for text in [##"{"oneOf": [{"type": "string"}, {"type": "integer"}]}"##,
                     ##"{"properties": {"a": {"$ref": "#"}}}"##,
                     ##"{"format": "email"}"##,
                     ##"{"unevaluatedProperties": false}"##,
                     ##"{"enum": [1, "a"]}"##,
                     ##"{"patternProperties": {"^a": {}}, "additionalProperties": false}"##] {
            let source = SourceFile(path: "s.json", text: text)
            let compiled = try SchemaCompiler().compile(try JSONParser.parse(source.bytes), source: source, retrievalURI: "file:///s.json")
            XCTAssertThrowsError(try SchemaCodeGenerator.swiftSource(for: compiled.root, typeName: "T", from: "s.json"), text)
        }
        var deep = ##"{"type": "string"}"##
        for _ in 0..<SchemaCodeGenerator.maxChain { deep = ##"{"items": "## + deep + "}" }
        let source = SourceFile(path: "s.json", text: deep)
        let compiled = try SchemaCompiler().compile(try JSONParser.parse(source.bytes), source: source, retrievalURI: "file:///s.json")
        XCTAssertThrowsError(try SchemaCodeGenerator.swiftSource(for: compiled.root, typeName: "T", from: "s.json"), "too deep")
    }

    func testLiteralsKeepEveryCodePoint() {
        XCTAssertEqual(SchemaCodeGenerator.literal("a\"b\\c\n…\u{1}"), #""a\"b\\c\n\u{2026}\u{1}""#)
    }

    // MARK: inputs

    private func sharedBlueprints() throws -> [String] {
        let dir = TestPaths.sharedBlueprints
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        return names.map { dir.appendingPathComponent($0).appendingPathComponent("stack_config_template.json").path }
            .filter { FileManager.default.fileExists(atPath: $0) }
    }

    static let documents = [
        ##"[]"##, ##"null"##, ##"{}"##, ##"{"PipelineName": 5, "REGION": null, "STAGE": "devlop", "Lambda": [], "UXData": "x"}"##,
        ##"{"Metadata": {"bpctl": {"ignore": [{"rule": 1, "reson": "x"}, "str", {}], "ignor": 1}, "other": 2}}"##,
        ##"{"Metadata": {"bpctl": {"ignore": {}}}}"##, ##"{"Metadata": {"bpctl": []}}"##, ##"{"Metadata": 3}"##,
        ##"{"Lambda": {"LambdaConfig": {"MAXCOST": true, "SHUTDOWN_BEHAVIOR": "stopp", "EXECUTION_TIMEOUT": 900.5}}}"##,
        ##"{"Lambda": {"LambdaConfig": {"MAXCOST": "12.x"}}}"##, ##"{"Lambda": {"LambdaConfig": {"MAXCOST": -3}}}"##,
        ##"{"UXData": {"Affiliates": [{"AffiliateName": "-x", "UserNames": []}, {"UserNames": ["a b", 5]}, 7]}}"##,
        ##"{"UXData": {"Affiliates": [{"AffiliateName": "a", "UserNames": ["\##(String(repeating: "u", count: 56))"]}]}}"##,
        ##"{"Lambda": {"LambdaConfig": {"AMI": "ami-0123456789abcdef0", "REGION": "us-gov-west-1", "INSTANCE_TYPE": "p3.2xlarge"}}}"##,
        ##"{"PipelineName": "K\##u{212A}", "K\##u{212A}Y": 1, "Lambda": {"Handler": "a.b", "LambdaConfig": {"KEY_NAME": ""}}}"##,
        ##"{"a/b~c": {"x": 1}, "Metadata": {"bpctl": {"ignore": [{"rule": "BP1", "a/b~": 1}]}}}"##,
    ]

    /// The root with one change each: every value replaced by others (other types, bad and
    /// near-miss strings, out-of-range numbers), every member removed, keys added.
    static func variants(_ n: Node) -> [Node] {
        var out = replacements(n)
        switch n.kind {
        case .object(let members):
            for i in members.indices {
                var ms = members
                ms.remove(at: i)
                out.append(Node(.object(ms), n.range))
                let near = Node.Member(key: String(members[i].key.dropLast()), keyRange: members[i].keyRange, value: members[i].value)
                ms.insert(near, at: i)
                out.append(Node(.object(ms), n.range))
                for v in variants(members[i].value) {
                    var changed = members
                    changed[i] = Node.Member(key: members[i].key, keyRange: members[i].keyRange, value: v)
                    out.append(Node(.object(changed), n.range))
                }
            }
            let extra = Node.Member(key: "Extra_Key", keyRange: SourceRange(start: n.range.start, end: n.range.start + 1),
                                    value: Node(.string("x"), n.range))
            out.append(Node(.object(members + [extra]), n.range))
        case .array(let items):
            for i in items.indices {
                for v in variants(items[i]) {
                    var changed = items
                    changed[i] = v
                    out.append(Node(.array(changed), n.range))
                }
            }
            out.append(Node(.array(items + items), n.range))
        default: break
        }
        return out
    }

    private static func replacements(_ n: Node) -> [Node] {
        let r = n.range
        func number(_ raw: String) -> Node { Node(.number(Node.Number(raw: raw, value: Double(raw)!)), r) }
        var out: [Node] = [Node(.null, r), Node(.bool(true), r), number("7"), number("-1"), number("1.5"), number("901"),
                           number("172801"), Node(.string(""), r), Node(.string("Bad Value!"), r),
                           Node(.string(String(repeating: "a", count: 70)), r), Node(.array([]), r),
                           Node(.array([Node(.string("x"), r), number("2")]), r), Node(.object([]), r)]
        if let s = n.string {
            out += [s.uppercased(), String(s.dropLast()), s + "-", "x" + s, s + " "].map { Node(.string($0), r) }
        }
        return out
    }
}
