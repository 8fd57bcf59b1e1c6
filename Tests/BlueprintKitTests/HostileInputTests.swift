import Foundation
import SchemaICU
import XCTest
@testable import BlueprintKit

/// Issue 16: inputs that used to crash, hang or take quadratic time. Every input is built here;
/// time is asserted as a ratio between two sizes (linear work: about the size factor; the
/// quadratic code this replaces gave its square), never as an absolute time.
final class HostileInputTests: XCTestCase {
    /// The ICU engine the executables register at start-up (schema patterns ECMARegex refuses).
    override class func setUp() {
        super.setUp()
        SchemaICU.install()
    }

    static let clean = try! String(contentsOf: TestPaths.repo.appendingPathComponent("examples/clean/stack_config_template.json"), encoding: .utf8)

    /// The clean example with LambdaConfig's value for `key` replaced by `value` (JSON text).
    static func blueprint(_ key: String, _ value: String) -> [UInt8] {
        let lines = clean.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard line.contains("\"\(key)\":") else { return String(line) }
            return line.prefix { $0 == " " } + "\"\(key)\": \(value)" + (line.hasSuffix(",") ? "," : "")
        }
        return Array(lines.joined(separator: "\n").utf8)
    }

    static func quoted(_ s: String) -> String { "\"" + s + "\"" }

    /// Validate and render as the CLI does (the rendering was half of the quadratic cost).
    @discardableResult
    static func check(_ bytes: [UInt8], schema: SchemaChoice = .bundled, rules: Bool = true) -> ValidationReport {
        let report = Validator.validate(inputs: [("t.json", bytes)], options: ValidationOptions(configFiles: false, schema: schema, rules: rules))
        _ = TextRenderer(color: false).render(report)
        _ = JSONRenderer.render(report)
        return report
    }

    /// Best of three wall-clock times of `body(n)`.
    func seconds(_ n: Int, _ body: (Int) -> Void) -> Double {
        (0..<3).map { _ in
            let start = DispatchTime.now().uptimeNanoseconds
            body(n)
            return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        }.min()!
    }

    /// t(4n) / t(n) must stay near 4: linear, with room for noise on a shared machine.
    func assertLinear(_ what: String, small n: Int, file: StaticString = #filePath, line: UInt = #line, _ body: (Int) -> Void) {
        body(n) // warm-up: lazy statics (the bundled schema) compile once
        let a = seconds(n, body), b = seconds(4 * n, body)
        XCTAssertLessThan(b / max(a, 1e-3), 10, "\(what): \(n) took \(a) s, \(4 * n) took \(b) s; quadratic work would be ~16×", file: file, line: line)
    }

    func compile(_ schema: String) -> Result<CompiledSchema, SchemaCompileError> { Self.compile(schema) }

    static func compile(_ schema: String) -> Result<CompiledSchema, SchemaCompileError> {
        let node = try! JSONParser.parse(Array(schema.utf8))
        do throws(SchemaCompileError) {
            return .success(try SchemaCompiler().compile(node, retrievalURI: "file:///t.json"))
        } catch { return .failure(error) }
    }

    func schemaErrors(_ schema: String, _ instance: String) throws -> [SchemaError] {
        let compiled = try compile(schema).get()
        return SchemaEvaluator(compiled).validate(try JSONParser.parse(Array(instance.utf8)))
    }

    // MARK: 1 and 9: the pattern matcher

    func testPatternOnLongStringsIsLinearWithoutRecursion() throws {
        // 27,000 and 108,000 characters: the old matcher recursed once per character (SIGSEGV).
        XCTAssertTrue(try schemaErrors(#"{"pattern": "a*"}"#, Self.quoted(String(repeating: "a", count: 120_000))).isEmpty)
        let report = Self.check(Self.blueprint("INSTANCE_TYPE", Self.quoted(String(repeating: "x", count: 27_000))))
        XCTAssertTrue(report.all.contains { $0.message.contains("INSTANCE_TYPE") || $0.pointer == "/Lambda/LambdaConfig/INSTANCE_TYPE" })
        assertLinear("pattern a* on n characters", small: 50_000) { n in
            _ = try? schemaErrors(#"{"pattern": "^[a-z]+\\.[a-z0-9]+$"}"#, Self.quoted(String(repeating: "a", count: n)))
        }
    }

    func testLongIdAndDeepGroupsEndWithAMessage() throws {
        // The meta-schema's $id pattern runs on a 32,768-character $id.
        let id = String(repeating: "x", count: 32_768)
        XCTAssertNoThrow(try compile(#"{"$id": "\#(id)", "type": "string"}"#).get())
        let deep = String(repeating: "(", count: 30_000) + "a" + String(repeating: ")", count: 30_000)
        guard case .failure(let e) = compile(#"{"pattern": "\#(deep)"}"#) else { return XCTFail("30,000 nested groups compiled") }
        XCTAssertTrue(e.message.contains("groups nest deeper than \(Pattern.maxGroupDepth) levels"), e.message)
        XCTAssertFalse(e.message.contains("\n"))
        XCTAssertLessThan(e.message.count, 200, "the pattern is cut in the message")
    }

    func testCatastrophicPatternsAreLinearOrReported() throws {
        // (?:a|a?)+$ used to fall back to ICU and run for minutes on 31 characters.
        let start = Date()
        XCTAssertEqual(try schemaErrors(#"{"pattern": "(?:a|a?)+$"}"#, Self.quoted(String(repeating: "a", count: 30) + "!")).count, 0,
                       "'$' matches at the end after zero repetitions")
        XCTAssertEqual(try Pattern("^(?:a|a?)+$").test(String(repeating: "a", count: 5_000) + "!"), false)
        // Outside the subset (a lookahead), ICU runs under a budget and gives up with a finding.
        let icu = try Pattern("^(?=a)(a|a?)+$")
        XCTAssertNil(icu.test(String(repeating: "a", count: 40) + "!"), "ICU stops after its budget")
        let errors = try schemaErrors(#"{"pattern": "^(?=a)(a|a?)+$"}"#, Self.quoted(String(repeating: "a", count: 40) + "!"))
        XCTAssertEqual(errors.map(\.keyword), ["pattern"])
        XCTAssertTrue(errors[0].message.contains("needs more work than bpctl allows"), errors[0].message)
        XCTAssertLessThan(Date().timeIntervalSince(start), 60, "bounded, not minutes")
    }

    // MARK: 2 and 3: schema compilation and evaluation

    func testEmbeddedIdThatRepeatsItsParentIsAnError() {
        guard case .failure(let e) = compile(#"{"not": {"$id": ""}}"#) else { return XCTFail("compiled a schema that contains itself") }
        XCTAssertTrue(e.message.contains("names a resource that another schema already is"), e.message)
        XCTAssertEqual(e.offset, 16, "points at the inner $id")
    }

    static func refChain(_ n: Int) -> String {
        var defs: [String] = []
        for i in 0..<n { defs.append(##""d\##(i)": {"$ref": "#/$defs/d\##(i + 1)"}"##) }
        defs.append(#""d\#(n)": {"type": "string"}"#)
        return ##"{"$ref": "#/$defs/d0", "$defs": {\##(defs.joined(separator: ", "))}}"##
    }

    func testLongRefChainsCompileLinearlyAndEvaluationStopsWithAMessage() throws {
        // 10,000 links: the evaluator recursed once per $ref (SIGSEGV) and the cycle check was quadratic.
        let errors = try schemaErrors(Self.refChain(10_000), "1")
        XCTAssertEqual(errors.count, 1)
        XCTAssertTrue(errors[0].message.contains("evaluation nests deeper than bpctl allows"), errors[0].message)
        // A chain short enough to follow is still evaluated to its end.
        XCTAssertEqual(try schemaErrors(Self.refChain(50), "1").map(\.keyword), ["type"])
        XCTAssertTrue(try schemaErrors(Self.refChain(50), #""s""#).isEmpty)
        assertLinear("compiling a chain of n $refs", small: 2_000) { n in _ = compile(Self.refChain(n)) }
    }

    func testReleasingAHugeSchemaGraphDoesNotRecurse() {
        // Freed link by link, a long chain overflowed the stack when the schema went away. On a
        // 512 KiB thread 20,000 links are plenty to show it; compiled, and a compile error.
        for tail in [#""d20000": {"type": "string"}"#, #""d20000": {"pattern": "("}"#] {
            var defs = (0..<20_000).map { ##""d\##($0)": {"$ref": "#/$defs/d\##($0 + 1)"}"## }
            defs.append(tail)
            let text = ##"{"$ref": "#/$defs/d0", "$defs": {\##(defs.joined(separator: ", "))}}"##
            let done = DispatchSemaphore(value: 0)
            let thread = Thread {
                do { _ = Self.compile(text) } // the graph is released at the end of this scope
                done.signal()
            }
            thread.stackSize = 512 * 1024
            thread.start()
            XCTAssertEqual(done.wait(timeout: .now() + 120), .success)
        }
    }

    func testDeepEvaluationOnASmallStackStops() throws {
        // Worker threads have less stack than main: the guard measures what is left.
        let compiled = try compile(Self.refChain(5_000)).get()
        let instance = try JSONParser.parse(Array("1".utf8))
        nonisolated(unsafe) var errors: [SchemaError] = []
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            errors = SchemaEvaluator(compiled).validate(instance)
            done.signal()
        }
        thread.stackSize = 512 * 1024
        thread.start()
        XCTAssertEqual(done.wait(timeout: .now() + 60), .success)
        XCTAssertEqual(errors.count, 1)
        XCTAssertTrue(errors.first?.message.contains("nests deeper") ?? false)
    }

    // MARK: 8: superlinear validation

    func testManyPlaceholdersInCommandAreLinear() {
        let report = Self.check(Self.blueprint("COMMAND", Self.quoted(String(repeating: "{}", count: 20_000))))
        XCTAssertFalse(report.all.isEmpty)
        assertLinear("COMMAND with n {}", small: 10_000) { n in Self.check(Self.blueprint("COMMAND", Self.quoted(String(repeating: "{}", count: n)))) }
        assertLinear("COMMAND with n named fields (a finding each)", small: 2_000) { n in
            Self.check(Self.blueprint("COMMAND", Self.quoted(String(repeating: "{a}", count: n))))
        }
    }

    static func unknownKeys(_ n: Int) -> [UInt8] {
        let keys = (0..<n).map { #""k\#($0)": 1"# }.joined(separator: ", ")
        let text = clean.replacingOccurrences(of: "\"Lambda\": {", with: "\"Lambda\": {\(keys), ")
        return Array(text.utf8)
    }

    func testManyUnknownKeysAreLinearAndCapped() {
        let report = Self.check(Self.unknownKeys(3_000))
        let file = report.files[0]
        XCTAssertEqual(file.diagnostics.count, InputLimits.maxFindingsPerFile)
        XCTAssertEqual(report.warnings, 3_000, "the summary still counts every finding")
        XCTAssertEqual(report.exitCode(failOn: .warning), ExitStatus.findings)
        let text = TextRenderer(color: false).render(report)
        XCTAssertTrue(text.contains("t.json: … and \(file.omittedCount) more findings not shown (at most 1000 per file)"), String(text.suffix(300)))
        assertLinear("n unknown keys", small: 1_500) { n in Self.check(Self.unknownKeys(n)) }
    }

    func testCapKeepsTheMostSevereFindings() {
        // 1,500 warnings, then an error at the end of the file: the error must survive the cap.
        var text = String(decoding: Self.unknownKeys(1_500), as: UTF8.self)
        text = text.replacingOccurrences(of: "\"STAGE\": \"websubstack\"", with: "\"STAGE\": \"nonsense\"")
        let report = Self.check(Array(text.utf8))
        XCTAssertTrue(report.files[0].diagnostics.contains { $0.severity == .error })
        XCTAssertEqual(report.exitCode(failOn: .error), ExitStatus.findings)
    }

    func testLongNonASCIIInstanceTypeIsLinear() {
        let report = Self.check(Self.blueprint("INSTANCE_TYPE", Self.quoted(String(repeating: "é", count: 21_844))))
        XCTAssertFalse(report.all.isEmpty)
        assertLinear("INSTANCE_TYPE of n é", small: 20_000) { n in
            Self.check(Self.blueprint("INSTANCE_TYPE", Self.quoted(String(repeating: "é", count: n))))
        }
    }

    func testManyFailingPropertyNamesAreLinear() throws {
        let schema = try compile(#"{"propertyNames": {"const": "foo"}}"#).get()
        func object(_ n: Int) -> [UInt8] { Array(("{" + (0..<n).map { #""k\#($0)": 1"# }.joined(separator: ", ") + "}").utf8) }
        XCTAssertEqual(Self.check(object(100), schema: .custom(schema), rules: false).errors, 100)
        assertLinear("n failing propertyNames", small: 2_500) { n in Self.check(object(n), schema: .custom(schema), rules: false) }
    }

    func testUniqueItemsIsLinear() throws {
        XCTAssertEqual(try schemaErrors(#"{"uniqueItems": true}"#, "[1, {\"a\": [2]}, 3, 1.0, {\"a\": [2.0]}]").map(\.message),
                       ["item 3 repeats item 0 (1.0); items must be unique"])
        XCTAssertTrue(try schemaErrors(#"{"uniqueItems": true}"#, #"[{"a": 1, "b": 2}, {"a": 1, "b": 3}, "caf\u00e9", "cafe\u0301"]"#).isEmpty)
        XCTAssertEqual(try schemaErrors(#"{"uniqueItems": true}"#, "[{\"a\": 1, \"b\": 2}, {\"b\": 2, \"a\": 1}]").count, 1)
        assertLinear("uniqueItems over n items", small: 20_000) { n in
            _ = try? schemaErrors(#"{"uniqueItems": true}"#, "[" + (0..<n).map(String.init).joined(separator: ",") + "]")
        }
    }

    func testFindingsOnOneLongLineRenderAWindow() {
        // Minified: everything on line 1; each snippet shows a window, not the 200 KB line.
        let report = Self.check(Self.unknownKeys(2_000).filter { $0 != 0x0A })
        let text = TextRenderer(color: false).render(report)
        let longest = text.split(separator: "\n").map { $0.unicodeScalars.count }.max() ?? 0
        XCTAssertLessThan(longest, 300)
        XCTAssertTrue(text.contains("…"))
    }

    // MARK: 13: names by code point

    func testCanonicallyEquivalentKeysAreDifferentKeys() throws {
        let composed = "caf\u{E9}", decomposed = "cafe\u{301}"
        XCTAssertTrue(composed == decomposed, "Swift's == says equal: the reason for this test")
        let node = try JSONParser.parse(Array(#"{"\#(composed)": 1, "\#(decomposed)": 2}"#.utf8))
        XCTAssertEqual(node.members?.count, 2)
        XCTAssertEqual(node[composed]?.number?.integer, 1)
        XCTAssertEqual(node[decomposed]?.number?.integer, 2)
        XCTAssertNotNil(parseError(Array(#"{"\#(composed)": 1, "\#(composed)": 2}"#.utf8)), "a real duplicate is still one")
        // YAML: Yams refuses the pair itself (its duplicate check uses String ==); documented in
        // docs/limits.md. It stays a parse error with a message, not a crash.
        guard case .failure(let yaml) = Document.parse(path: "t.yaml", bytes: Array("\(composed): 1\n\(decomposed): 2\n".utf8)) else { return }
        XCTAssertTrue(yaml.error.message.contains("duplicate"), yaml.error.message)
        // Schema keywords: properties and additionalProperties see two names.
        let errors = try schemaErrors(#"{"properties": {"\#(composed)": {"type": "integer"}}, "additionalProperties": false}"#,
                                      #"{"\#(composed)": 1, "\#(decomposed)": 2}"#)
        XCTAssertEqual(errors.map(\.keyword), ["additionalProperties"])
        XCTAssertEqual(errors.first?.instancePointer, "/" + decomposed)
        // The Kelvin sign is canonically equivalent to K: "\u{212A}EY_NAME" is not KEY_NAME.
        XCTAssertNil(FieldCatalog.spec(container: FieldCatalog.config, key: "\u{212A}EY_NAME"))
        XCTAssertNotNil(FieldCatalog.spec(container: FieldCatalog.config, key: "KEY_NAME"))
    }

    func testUserAffiliateAndPipelineNamesCompareByCodePoint() {
        let composed = "jos\u{E9}", decomposed = "jose\u{301}"
        var text = Self.clean.replacingOccurrences(of: #""UserNames": ["carol"]"#, with: #""UserNames": ["\#(composed)", "\#(decomposed)"]"#)
        text = text.replacingOccurrences(of: #""AffiliateName": "debuggers""#, with: #""AffiliateName": "lab\#(composed)""#)
        text = text.replacingOccurrences(of: #""AffiliateName": "cunninghamlab""#, with: #""AffiliateName": "lab\#(decomposed)""#)
        let report = Self.check(Array(text.utf8))
        XCTAssertFalse(report.all.contains { $0.ruleID == DuplicateUserRule.description.id }, "two different IAM user names")
        XCTAssertFalse(report.all.contains { $0.ruleID == AffiliateNameUniqueRule.description.id }, "two different group names")
        let a = Self.clean.replacingOccurrences(of: #""PipelineName": "epi-analysis""#, with: #""PipelineName": "\#(composed)""#)
        let b = Self.clean.replacingOccurrences(of: #""PipelineName": "epi-analysis""#, with: #""PipelineName": "\#(decomposed)""#)
        let fleet = Validator.validate(inputs: [("a.json", Array(a.utf8)), ("b.json", Array(b.utf8))], options: ValidationOptions(configFiles: false))
        XCTAssertFalse(fleet.all.contains { $0.ruleID == FleetPipelineNameRule.description.id })
        let same = Validator.validate(inputs: [("a.json", Array(a.utf8)), ("b.json", Array(a.utf8))], options: ValidationOptions(configFiles: false))
        XCTAssertTrue(same.all.contains { $0.ruleID == FleetPipelineNameRule.description.id }, "the same name is still found")
    }

    // MARK: 6: special files

    func testAFIFOIsReportedNotOpened() throws {
        let dir = try temporaryDirectory(self)
        let fifo = dir.appendingPathComponent("stack_config_template.json").path
        XCTAssertEqual(mkfifo(fifo, 0o644), 0)
        let start = Date()
        guard case .failure(let e) = Document.load(path: fifo) else { return XCTFail("a FIFO loaded") }
        XCTAssertEqual(e.error.message, "cannot read the file: it is a FIFO (named pipe), not a regular file")
        XCTAssertLessThan(Date().timeIntervalSince(start), 5, "did not wait for a writer")
        XCTAssertEqual(try FileDiscovery.blueprints(in: [dir.path]), [fifo], "listed, so its load reports it")
        let report = Validator.validate(files: [fifo])
        XCTAssertEqual(report.exitCode(failOn: .error), ExitStatus.usage)
        // A protocol module named by Handler is read the same way (--protocols DIR).
        XCTAssertEqual(mkfifo(dir.appendingPathComponent("pipe.py").path, 0o644), 0)
        XCTAssertEqual(ProtocolSources.find(handler: "pipe.handler", in: dir.path), .noModule("pipe.py"))
        XCTAssertLessThan(Date().timeIntervalSince(start), 5, "did not wait for a writer")
    }
}
