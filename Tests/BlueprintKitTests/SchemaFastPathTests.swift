import Foundation
import SchemaICU
import XCTest
@testable import BlueprintKit

/// The interpreter's shortcuts against its general path: no annotations or dynamic scope where
/// nothing reads them, and `properties` searched in order instead of hashed.
final class SchemaFastPathTests: XCTestCase {
    /// The ICU engine the executables register at start-up (schema patterns ECMARegex refuses).
    override class func setUp() {
        super.setUp()
        SchemaICU.install()
    }

    private func show(_ e: [SchemaError]) -> [String] {
        e.map { "\($0.instancePointer) \($0.instanceRange.start) \($0.keyword) \($0.keywordLocation) \($0.message) | \($0.description ?? "-")" }
    }

    /// Every case of the JSON Schema Test Suite gives the same errors both ways.
    func testSameErrorsAsTheGeneralPathOnTheSuite() throws {
        let dir = TestPaths.shared.appendingPathComponent("json-schema-test-suite/tests/draft2020-12")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".json") }.sorted()
        var compared = 0, withErrors = 0, withoutAnnotations = 0
        for file in files {
            let doc = try Document.load(path: dir.appendingPathComponent(file).path).get()
            for group in doc.root.elements ?? [] {
                let compiler = SchemaCompiler()
                compiler.loader = JSONSchemaSuiteTests.loader
                guard let schema = group["schema"],
                      let compiled = try? compiler.compile(schema, source: doc.source, retrievalURI: "https://bpctl.invalid/suite/\(file)") else { continue }
                if !compiled.graph.needsAnnotations { withoutAnnotations += 1 }
                for test in group["tests"]?.elements ?? [] {
                    guard let data = test["data"] else { continue }
                    var general = SchemaEvaluator(compiled)
                    general.generalPathOnly = true
                    let expected = general.validate(data)
                    XCTAssertEqual(show(SchemaEvaluator(compiled).validate(data)), show(expected), "\(file) | \(group["description"]?.string ?? "")")
                    compared += 1
                    if !expected.isEmpty { withErrors += 1 }
                }
            }
        }
        XCTAssertGreaterThan(compared, 1_000)
        XCTAssertGreaterThan(withErrors, 500)
        XCTAssertGreaterThan(withoutAnnotations, 100, "most suite schemas take the shortcut")
    }

    /// Small tables are searched, large ones hashed: both find exactly the names by code point.
    func testPropertyTablesFindNamesByCodePoint() throws {
        let schema = try SchemaCompiler().compile(try JSONParser.parse(Array("true".utf8)), retrievalURI: "file:///t.json").root
        for count in [3, 16, 17, 40] {
            var names = (0..<count).map { "key\($0)" }
            names[0] = "KEY"
            names[1] = "caf\u{E9}"
            let table = PropertyTable(names.map { ($0, schema) })
            for name in names { XCTAssertNotNil(table.schema(for: name), "\(count): \(name)") }
            // Canonically equivalent to a name (Kelvin sign, e + combining acute) but other code points.
            for miss in ["\u{212A}EY", "cafe\u{301}", "key", "", "key\(count)", "KEY "] {
                XCTAssertNil(table.schema(for: miss), "\(count): \(miss)")
            }
            XCTAssertEqual(table.names, names, "schema order")
        }
    }

    /// Active references are searched in order up to 32 deep and hashed beyond: a cycle through
    /// references is found either way, and a long chain without one is not mistaken for one.
    func testReferenceCyclesAreFoundAtAnyDepth() throws {
        for length in [2, 31, 32, 33, 80] {
            var defs: [String] = []
            for i in 0..<length { defs.append(##""d\##(i)": {"type": "object", "$ref": "#/$defs/d\##(i + 1)"}"##) }
            let cyclic = ##"{"$ref": "#/$defs/d0", "$defs": {\##(defs.joined(separator: ", ")), "d\##(length)": {"required": ["a"], "$ref": "#"}}}"##
            let chain = ##"{"$ref": "#/$defs/d0", "$defs": {\##(defs.joined(separator: ", ")), "d\##(length)": {"required": ["a"]}}}"##
            for (text, cycle) in [(cyclic, true), (chain, false)] {
                let source = SourceFile(path: "s.json", text: text)
                let compiled = try SchemaCompiler().compile(try JSONParser.parse(source.bytes), source: source, retrievalURI: "file:///s.json")
                let errors = SchemaEvaluator(compiled).validate(try JSONParser.parse(Array("{}".utf8)))
                XCTAssertEqual(errors.contains { $0.message.contains("refers back to itself") }, cycle, "\(length) \(cycle)")
                XCTAssertEqual(errors.filter { $0.keyword == "required" }.count, 1, "\(length)")
            }
        }
    }

    /// The interpreter's "did you mean" no longer depends on hash order: always the first of
    /// equally close names, in schema order.
    func testAdditionalPropertySuggestionIsTheFirstClosest() throws {
        let source = SourceFile(path: "s.json", text: ##"{"properties": {"abcd": {}, "abce": {}, "abcf": {}}, "additionalProperties": false}"##)
        let compiled = try SchemaCompiler().compile(try JSONParser.parse(source.bytes), source: source, retrievalURI: "file:///s.json")
        let e = SchemaEvaluator(compiled).validate(try JSONParser.parse(Array(##"{"abcx": 1}"##.utf8)))
        XCTAssertEqual(e.map(\.message), ["property 'abcx' is not allowed: did you mean 'abcd'?"])
    }
}
