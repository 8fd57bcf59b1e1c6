import Foundation
import XCTest
@testable import BlueprintKit

/// The byte-buffer renderers (text, JSON, SARIF, GitHub) must write exactly what the former
/// String-building ones wrote (LegacyRenderers.swift), for the shared blueprints and for inputs
/// chosen to reach every branch: tabs, non-ASCII and invalid UTF-8 in snippets, long lines cut
/// to a window, CRLF, control characters, %, `:` and `,` in paths, parse errors with related
/// places, inline, config-file and --ignore suppressions, and the per-file cap.
final class RendererEquivalenceTests: XCTestCase {
    private func assertSameOutput(_ report: ValidationReport, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertFalse(report.files.isEmpty, what, file: file, line: line)
        for color in [false, true] {
            XCTAssertEqual(TextRenderer(color: color).render(report), LegacyTextRenderer(color: color).render(report),
                           "text (colour \(color)): \(what)", file: file, line: line)
            for (f, d) in report.files.flatMap({ f in f.diagnostics.map { (f, $0) } }) {
                XCTAssertEqual(TextRenderer(color: color).render(d, source: f.source), LegacyTextRenderer(color: color).render(d, source: f.source),
                               file: file, line: line)
            }
        }
        XCTAssertEqual(JSONRenderer.render(report), LegacyJSONRenderer.render(report), "json: \(what)", file: file, line: line)
        XCTAssertEqual(SARIFRenderer.render(report, toolVersion: "9.9.9"), LegacySARIFRenderer.render(report, toolVersion: "9.9.9"),
                       "sarif: \(what)", file: file, line: line)
        XCTAssertEqual(GitHubRenderer.render(report), LegacyGitHubRenderer.render(report), "github: \(what)", file: file, line: line)
        // Bytes as written (no String round trip) equal the String forms.
        XCTAssertEqual(TextRenderer(color: false).renderBytes(report).bytes, Array(LegacyTextRenderer(color: false).render(report).utf8),
                       file: file, line: line)
    }

    func testSharedBlueprints() throws {
        let dir = TestPaths.sharedBlueprints
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
            .map { dir.appendingPathComponent($0).appendingPathComponent("stack_config_template.json").path }
            .filter { FileManager.default.fileExists(atPath: $0) }
        XCTAssertGreaterThan(files.count, 20)
        let report = Validator.validate(files: files)
        XCTAssertGreaterThan(report.all.count, 100)
        assertSameOutput(report, "shared blueprints")
        assertSameOutput(Validator.validate(files: files, options: ValidationOptions(ignoredRules: ["BP143", "BP133"])), "shared, --ignore")
    }

    func testUnusualInputs() throws {
        let broken = try String(contentsOf: TestPaths.repo.appendingPathComponent("examples/broken/stack_config_template.json"), encoding: .utf8)
        var inputs: [(path: String, bytes: [UInt8])] = []
        inputs.append(("a b%,:c/stack_config_template.json", Array(broken.utf8)))
        inputs.append(("tabs/stack_config_template.json", Array(broken.replacingOccurrences(of: "    ", with: "\t").utf8)))
        inputs.append(("tab-mark/stack_config_template.json", Array(broken.replacingOccurrences(of: "\"STAGE\"", with: "\t\u{301}\"STAGE\"").utf8)))
        inputs.append(("crlf/stack_config_template.json", Array(broken.replacingOccurrences(of: "\n", with: "\r\n").utf8)))
        inputs.append(("é ünï/stack_config_template.json",
                       Array(broken.replacingOccurrences(of: "My_Analysis", with: "Mÿ_Änälysïs\u{1B}[31m%0A\u{85}").utf8)))
        // One long line: findings rendered from a window of it, cut with "…".
        let minified = broken.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined()
        inputs.append(("min/stack_config_template.json", Array(minified.utf8)))
        inputs.append(("min-utf8/stack_config_template.json", Array(minified.replacingOccurrences(of: "alice", with: "ålîcé").utf8)))
        // Parse errors: a duplicate key (related place), invalid UTF-8 in the snippet, an empty file.
        inputs.append(("dup/stack_config_template.json", Array("{\"PipelineName\": \"x\",\n \"PipelineName\": 1}".utf8)))
        inputs.append(("latin1/stack_config_template.json", [0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xE9, 0xFF, 0x22, 0x7D]))
        inputs.append(("empty/stack_config_template.json", []))
        inputs.append(("line\rbreak/stack_config_template.json", Array(broken.utf8)))
        // Inline suppressions, one with a reason and one without.
        let suppressed = broken.replacingOccurrences(of: "\"localenv\"", with: """
            "Metadata": {"bpctl": {"ignore": [{"rule": "BP104", "reason": "local copy"}, {"rule": "stage"}, {"rule": "BP999"}]}},
            "localenv"
            """)
        inputs.append(("inline/stack_config_template.json", Array(suppressed.utf8)))
        // Past the per-file cap of findings.
        let many = "{" + (0..<1_100).map { "\"k\($0)\": \($0)" }.joined(separator: ",\n") + "}"
        inputs.append(("many/stack_config_template.json", Array(many.utf8)))
        let options = ValidationOptions(ignoredRules: ["BP156"], configFiles: false)
        let report = Validator.validate(inputs: inputs, options: options)
        XCTAssertTrue(report.files.contains { $0.omittedCount > 0 })
        XCTAssertTrue(report.files.contains { !$0.suppressedDiagnostics.isEmpty })
        XCTAssertTrue(report.all.contains { !$0.related.isEmpty })
        assertSameOutput(report, "unusual inputs")
        for input in inputs {
            assertSameOutput(Validator.validate(inputs: [input], options: options), input.path)
        }
    }

    func testConfigFileSuppressions() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bpctl-render-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        for sub in ["x", "y"] {
            try FileManager.default.createDirectory(at: dir.appendingPathComponent(sub), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: TestPaths.repo.appendingPathComponent("examples/broken/stack_config_template.json"),
                                             to: dir.appendingPathComponent("\(sub)/stack_config_template.json"))
        }
        try Data("""
            ignore:
              - rule: BP104
                path: x/*
                reason: checked by hand
              - rule: nonsense
              - path: y
            other: 1
            """.utf8).write(to: dir.appendingPathComponent(".bpctl.yaml"))
        let report = Validator.validate(files: ["x", "y"].map { dir.appendingPathComponent("\($0)/stack_config_template.json").path })
        XCTAssertTrue(report.files.contains { $0.isConfig })
        assertSameOutput(report, "config suppressions")
    }

    func testNumbersAndRepeats() {
        for n in [0, 7, 10, 99, 1_000, -5, Int.max, Int.min] {
            var out = OutputBuffer()
            out.write(n)
            XCTAssertEqual(out.string, String(n))
        }
        var out = OutputBuffer()
        out.repeated(0x20, -3)
        out.repeated(0x7E, 3)
        XCTAssertEqual(out.string, "~~~")
    }
}
