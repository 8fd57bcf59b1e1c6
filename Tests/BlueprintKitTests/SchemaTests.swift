import Foundation
import SchemaICU
import XCTest
@testable import BlueprintKit

final class SchemaTests: XCTestCase {
    /// The ICU engine the executables register at start-up (schema patterns ECMARegex refuses).
    override class func setUp() {
        super.setUp()
        SchemaICU.install()
    }

    private func compile(_ text: String) throws -> CompiledSchema {
        let source = SourceFile(path: "s.json", text: text)
        return try SchemaCompiler().compile(try JSONParser.parse(source.bytes), source: source, retrievalURI: "file:///s.json")
    }

    private func compileError(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> SchemaCompileError? {
        do {
            _ = try compile(text)
            XCTFail("expected a compile error", file: file, line: line)
            return nil
        } catch let e as SchemaCompileError {
            return e
        } catch {
            XCTFail("unexpected \(error)", file: file, line: line)
            return nil
        }
    }

    private func errors(_ schema: CompiledSchema, _ instance: String, formats: Bool = false) throws -> [SchemaError] {
        SchemaEvaluator(schema, formatAssertion: formats).validate(try XCTUnwrap(document(instance)).root)
    }

    func testErrorsCarryPositionPointerAndKeyword() throws {
        let schema = try compile(##"{"properties": {"Lambda": {"properties": {"EXECUTION_TIMEOUT": {"type": "integer"}}}}}"##)
        let text = "{\n  \"Lambda\": {\n    \"EXECUTION_TIMEOUT\": \"900\"\n  }\n}"
        let doc = try XCTUnwrap(document(text))
        let e = try XCTUnwrap(SchemaEvaluator(schema).validate(doc.root).first)
        XCTAssertEqual(e.message, "expected an integer, got the string \"900\"")
        XCTAssertEqual(e.instancePointer, "/Lambda/EXECUTION_TIMEOUT")
        XCTAssertEqual(e.keywordLocation, "file:///s.json#/properties/Lambda/properties/EXECUTION_TIMEOUT/type")
        XCTAssertEqual(doc.source.location(of: e.instanceRange.start).description, "3:26")
    }

    func testAnyOfReportsTheClosestBranch() throws {
        let schema = try compile(##"{"anyOf": [{"type": "string"}, {"type": "object", "required": ["a"], "properties": {"a": {"properties": {"b": {"type": "integer"}}}}}]}"##)
        let e = try errors(schema, ##"{"a": {"b": "x"}}"##)
        XCTAssertEqual(e.map(\.instancePointer), ["/a/b"], "the object branch got furthest")
        let typeOnly = try errors(try compile(##"{"anyOf": [{"type": "string"}, {"type": "integer"}]}"##), "true")
        XCTAssertEqual(typeOnly.map(\.message), ["expected a string or an integer, got the boolean true"])
    }

    func testAdditionalPropertyPointsAtTheKeyWithSuggestion() throws {
        let schema = try compile(##"{"properties": {"INSTANCE_TYPE": {}}, "additionalProperties": false}"##)
        let e = try errors(schema, ##"{"INSTANCETYPE": "t2.micro"}"##)
        XCTAssertEqual(e.first?.message, "property 'INSTANCETYPE' is not allowed: did you mean 'INSTANCE_TYPE'?")
        XCTAssertEqual(e.first?.instancePointer, "/INSTANCETYPE")
    }

    func testFormatIsAnAnnotationUnlessAsserted() throws {
        let schema = try compile(##"{"properties": {"e": {"format": "email"}, "d": {"format": "date-time"}, "i": {"format": "ipv4"}, "u": {"format": "uuid"}}}"##)
        let bad = ##"{"e": "not-an-email", "d": "2026-02-30T10:00:00Z", "i": "256.1.1.1", "u": "xyz"}"##
        XCTAssertEqual(try errors(schema, bad).count, 0)
        XCTAssertEqual(Set(try errors(schema, bad, formats: true).map(\.instancePointer)), ["/e", "/d", "/i", "/u"])
        let good = ##"{"e": "a@b.org", "d": "2024-02-29T23:59:60Z", "i": "10.0.0.1", "u": "123e4567-e89b-12d3-a456-426614174000"}"##
        XCTAssertEqual(try errors(schema, good, formats: true).map(\.message), [])
    }

    func testPatternsUseECMAScriptDigitClass() throws {
        let schema = try compile(##"{"pattern": "^\\d+$"}"##)
        XCTAssertEqual(try errors(schema, ##""123""##).count, 0)
        XCTAssertEqual(try errors(schema, "\"\u{0663}\"").count, 1, "Arabic-Indic digits are not \\d in ECMA-262")
    }

    func testBadSchemasFailClearly() throws {
        XCTAssertEqual(compileError(##"{"$ref": "#/$defs/missing"}"##)?.message, "cannot resolve $ref '#/$defs/missing': nothing at that location")
        XCTAssertEqual(compileError(##"{"$ref": "other.json"}"##)?.message.hasPrefix("cannot resolve $ref 'other.json'"), true)
        XCTAssertEqual(compileError(##"{"properties": {"a": {"pattern": "(["}}}"##)?.message, "invalid regular expression '(['")
        let cycle = compileError(##"{"$defs": {"a": {"$ref": "#/$defs/b"}, "b": {"$ref": "#/$defs/a"}}, "$ref": "#/$defs/a"}"##)
        XCTAssertEqual(cycle?.message.hasPrefix("$ref cycle with no constraint"), true)
        let vocab = compileError(##"{"$id": "https://x.invalid/meta", "$vocabulary": {"https://x.invalid/vocab/magic": true}, "$defs": {"s": {"$id": "s", "$schema": "https://x.invalid/meta"}}}"##)
        XCTAssertEqual(vocab?.message, "the metaschema https://x.invalid/meta requires the unknown vocabulary https://x.invalid/vocab/magic")
    }

    /// A cycle that also has other keywords is caught while validating, not by hanging.
    func testRuntimeRefCycleTerminates() throws {
        let schema = try compile(##"{"properties": {"a": {}}, "$ref": "#"}"##)
        XCTAssertTrue(try errors(schema, "{}").first?.message.contains("$ref cycle") ?? false)
    }

    func testCompiledSchemaIsReusedAcrossInstances() throws {
        let schema = try XCTUnwrap(BlueprintSchema.compiled)
        for path in ["examples/clean/stack_config_template.json", "examples/clean-yaml/stack_config_template.yaml"] {
            let doc = try Document.load(path: TestPaths.repo.appendingPathComponent(path).path).get()
            XCTAssertEqual(SchemaEvaluator(schema).validate(doc.root).map(\.message), [], path)
        }
    }

    func testBundledSchemaIsTheFileAndIsAValidSchema() throws {
        let file = try String(contentsOf: TestPaths.repo.appendingPathComponent("schemas/blueprint.schema.json"), encoding: .utf8)
        XCTAssertEqual(BlueprintSchema.text, file, "run scripts/embed-schema.py")
        let meta = try XCTUnwrap(SchemaLoader.metaSchema)
        XCTAssertEqual(SchemaEvaluator(meta).validate(try XCTUnwrap(document(file)).root).map(\.message), [])
        XCTAssertNotNil(BlueprintSchema.compiled)
        XCTAssertNotNil(BlueprintSchema.interpreted, "the bundled schema compiles for the interpreter")
    }

    /// Every field of the catalog is in the schema with the catalog's summary as description.
    func testSchemaDescribesEveryCatalogField() throws {
        let root = try XCTUnwrap(document(BlueprintSchema.text)).root
        let containers = ["": "/properties", "/Lambda": "/$defs/lambda/properties", "/Lambda/LambdaConfig": "/$defs/lambdaConfig/properties",
                          "/UXData": "/$defs/uxData/properties", "/UXData/Affiliates/*": "/$defs/affiliate/properties"]
        for spec in FieldCatalog.all {
            let pointer = try XCTUnwrap(containers[spec.container]) + "/" + spec.key
            let node = JSONPointer.resolve(pointer, in: root)
            XCTAssertEqual(node?["description"]?.string, spec.summary, spec.pointerPattern)
        }
    }

    func testMetaSchemaRejectsBrokenSchemas() throws {
        let meta = try XCTUnwrap(SchemaLoader.metaSchema)
        let bad = try XCTUnwrap(document(##"{"type": "integr", "minLength": -1, "properties": {"a": 5}}"##))
        XCTAssertEqual(Set(SchemaEvaluator(meta).validate(bad.root).map(\.instancePointer)), ["/type", "/minLength", "/properties/a"])
    }

    /// Schema findings that a rule already reports are dropped; others become BP001.
    func testSchemaFindingsAreNotReportedTwice() throws {
        let text = ExampleBlueprints.applying([("\"EXECUTION_TIMEOUT\": 900", "\"EXECUTION_TIMEOUT\": \"900\""),
                                               ("\"IAM_ROLE\": \"SSMRole\"", "\"IAM_ROLE\": \"\"")])
        let all = Validator.validate(inputs: [("x.json", Array(text.utf8))], options: ValidationOptions(configFiles: false)).all
        XCTAssertEqual(all.filter { $0.pointer == "/Lambda/LambdaConfig/EXECUTION_TIMEOUT" }.map(\.ruleID), ["BP101"])
        let iam = all.filter { $0.pointer == "/Lambda/LambdaConfig/IAM_ROLE" }
        XCTAssertEqual(iam.map(\.ruleID), ["BP001"])
        XCTAssertTrue(iam.first?.hint?.contains("Instance profile name") ?? false, "the schema description is the hint")
        let schemaOnly = Validator.validate(inputs: [("x.json", Array(text.utf8))], options: ValidationOptions(configFiles: false, rules: false)).all
        XCTAssertEqual(Set(schemaOnly.map(\.ruleID)), ["BP001"])
        XCTAssertEqual(schemaOnly.count, 2)
    }
}
