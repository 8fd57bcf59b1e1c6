import AnalysisKit
import BlueprintKit
import XCTest

/// One generic test over every job check's examples (as the blueprint rules' example test):
/// each triggering example yields a finding of that check at a real position; no
/// non-triggering example does.
final class JobExamplesTests: XCTestCase {
    static func input(_ e: JobExample) throws -> JobInput {
        func parse(_ path: String, _ text: String) throws -> Document {
            switch Document.parse(path: path, bytes: Array(text.utf8)) {
            case .success(let d): return d
            case .failure(let f): throw XCTSkip("example does not parse: \(path): \(f.error.message)\n\(text)")
            }
        }
        let bp = try parse("stack/stack_config_template.json", e.blueprintText)
        var schema: CompiledSchema?
        if let text = e.schema {
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("jobex-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: dir) }
            let file = dir.appendingPathComponent("config.schema.json").path
            try text.write(toFile: file, atomically: true, encoding: .utf8)
            guard case .success(let s) = SchemaLoader.load(path: file) else { XCTFail("example schema does not compile: \(text)"); throw XCTSkip() }
            schema = s
        }
        return JobInput(blueprint: Blueprint(document: bp), submit: try parse("test_resources/submit.json", e.submitText),
                        config: try parse("test_resources/config.yaml", e.configText), configSchema: schema,
                        hourlyPrice: e.hourlyPrice, live: e.live)
    }

    func testEveryCheckHasExamples() {
        var ids = Set<String>()
        for d in JobCatalog.descriptions {
            XCTAssertFalse(d.triggering.isEmpty, "\(d.id) has no triggering example")
            XCTAssertTrue(d.id.hasPrefix("BP4") && d.id.count == 5, d.id)
            XCTAssertTrue(ids.insert(d.id).inserted, "duplicate id \(d.id)")
        }
    }

    func testTriggeringExamplesAreFlaggedAtAPosition() throws {
        for d in JobCatalog.descriptions {
            for (i, e) in d.triggering.enumerated() {
                for text in [e.submitText, e.configText, e.blueprintText] { XCTAssertFalse(text.hasPrefix("EXAMPLE EDIT TARGET NOT FOUND"), "\(d.id) #\(i): \(text)") }
                let found = JobCatalog.run(try Self.input(e)).filter { $0.ruleID == d.id }
                XCTAssertFalse(found.isEmpty, "\(d.id) triggering #\(i) not flagged")
                for f in found {
                    XCTAssertGreaterThan(f.start.line, 0)
                    XCTAssertFalse(f.message.isEmpty)
                    XCTAssertNotNil(f.hint, "\(d.id): every job finding says how to fix it")
                }
            }
        }
    }

    func testNonTriggeringExamplesAreClean() throws {
        for d in JobCatalog.descriptions {
            for (i, e) in d.nonTriggering.enumerated() {
                let found = JobCatalog.run(try Self.input(e)).filter { $0.ruleID == d.id && $0.severity != .info }
                XCTAssertTrue(found.isEmpty, "\(d.id) non-triggering #\(i): \(found.map(\.message))")
            }
        }
    }

    /// The clean request passes every check at once (no check flags another's clean input).
    func testCleanRequestHasNoFindings() throws {
        let found = JobCatalog.run(try Self.input(.clean)).filter { $0.severity != .info }
        XCTAssertEqual(found.map(\.message), [])
    }
}
