import Foundation
import XCTest
@testable import BlueprintKit

/// `bpctl fmt`'s layout: golden files, meaning preserved and idempotence over every shared
/// blueprint (JSON and converted to YAML), unified diffs, and what is left alone.
final class FormatTests: XCTestCase {
    static let fixtures = TestPaths.repo.appendingPathComponent("Tests/BlueprintKitTests/Fixtures/fmt")

    func format(_ text: String, path: String) throws -> String {
        let doc = try XCTUnwrap(document(text, path: path))
        return String(decoding: try CanonicalLayout.format(doc), as: UTF8.self)
    }

    /// messy.json → messy.formatted.json, messy.yaml → messy.formatted.yaml. Set
    /// BPCTL_REGEN_GOLDEN=1 to rewrite the expected files after a deliberate layout change.
    func testGoldenFiles() throws {
        for name in ["messy.json", "messy.yaml"] {
            let input = try String(contentsOf: Self.fixtures.appendingPathComponent(name), encoding: .utf8)
            let ext = (name as NSString).pathExtension
            let golden = Self.fixtures.appendingPathComponent("messy.formatted." + ext)
            let got = try format(input, path: name)
            if ProcessInfo.processInfo.environment["BPCTL_REGEN_GOLDEN"] == "1" { try got.write(to: golden, atomically: true, encoding: .utf8) }
            XCTAssertEqual(got, try String(contentsOf: golden, encoding: .utf8), name)
            XCTAssertEqual(try format(got, path: name), got, "formatting is idempotent: \(name)")
        }
    }

    func testEverySharedBlueprintKeepsItsMeaningAndFormatsOnce() throws {
        let files = try FileDiscovery.blueprints(in: [TestPaths.sharedBlueprints.path])
        XCTAssertGreaterThanOrEqual(files.count, 20)
        var changed = 0
        for (n, path) in files.enumerated() {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let original = try XCTUnwrap(document(text, path: path))
            let once = try format(text, path: path)
            XCTAssertEqual(try XCTUnwrap(document(once, path: path)).root, original.root, path)
            XCTAssertEqual(try format(once, path: path), once, "idempotent: \(path)")
            XCTAssertTrue(once.hasSuffix("}\n") && !once.hasSuffix("\n\n"), "one trailing newline: \(path)")
            XCTAssertTrue(once.contains("\n    \"PipelineName\": ") || !text.contains("PipelineName"), path)
            if once != text { changed += 1 }
            // The same blueprint as YAML, in a mix of scalar styles.
            let yaml = try ScalarEditTests.yaml(original.root, variant: n)
            let y1 = try format(yaml, path: "b.yaml")
            XCTAssertEqual(try XCTUnwrap(document(y1, path: "b.yaml")).root, original.root, "YAML \(path)")
            XCTAssertEqual(try format(y1, path: "b.yaml"), y1, "YAML idempotent: \(path)")
        }
        XCTAssertGreaterThan(changed, 0, "some shared blueprints lack the final newline")
    }

    func testTemplateKeyOrderAndUnknownKeysAfterKnownOnes() throws {
        let got = try format("{\"UXData\": {}, \"zz\": 1, \"REGION\": \"r\", \"aa\": 2, \"PipelineName\": \"p\"}", path: "t.json")
        XCTAssertEqual(got, "{\n    \"PipelineName\": \"p\",\n    \"REGION\": \"r\",\n    \"UXData\": {},\n    \"zz\": 1,\n    \"aa\": 2\n}\n")
    }

    func testYAMLWithCommentsIsLeftAloneAndCommentsInsideScalarsAreNotComments() throws {
        let dir = try temporaryDirectory(self)
        let commented = dir.appendingPathComponent("a/stack_config_template.yaml")
        let hashes = dir.appendingPathComponent("b/stack_config_template.yaml")
        for url in [commented, hashes] { try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true) }
        try "PipelineName:   p  # the bucket\nREGION: r\n".write(to: commented, atomically: true, encoding: .utf8)
        try "PipelineName: 'p #1'\nREGION: \"r # 2\"\nCOMMAND: |\n  echo a # b\n".write(to: hashes, atomically: true, encoding: .utf8)
        let results = try FormatRun.run(paths: [dir.path], write: true)
        XCTAssertEqual(results.count, 2)
        let byDir = Dictionary(uniqueKeysWithValues: results.map { (URL(fileURLWithPath: $0.path).deletingLastPathComponent().lastPathComponent, $0.status) })
        XCTAssertEqual(byDir["a"], .skipped("it has comments, which reformatting would drop"))
        XCTAssertEqual(byDir["b"], .reformatted)
        XCTAssertEqual(try String(contentsOf: commented, encoding: .utf8), "PipelineName:   p  # the bucket\nREGION: r\n", "untouched")
        XCTAssertEqual(try String(contentsOf: hashes, encoding: .utf8), "PipelineName: 'p #1'\nREGION: 'r # 2'\nCOMMAND: |\n  echo a # b\n")
    }

    func testCheckReportsADiffAndWritesNothing() throws {
        let dir = try temporaryDirectory(self)
        let file = dir.appendingPathComponent("stack_config_template.json")
        try "{\"REGION\": \"r\", \"PipelineName\": \"p\"}".write(to: file, atomically: true, encoding: .utf8)
        let results = try FormatRun.run(paths: [file.path], write: false)
        let report = FormatRun.report(results, check: true, diff: false)
        XCTAssertEqual(report.exitCode, ExitStatus.findings)
        XCTAssertTrue(report.stdout.hasSuffix("""
        @@ -1 +1,4 @@
        -{"REGION": "r", "PipelineName": "p"}
        \\ No newline at end of file
        +{
        +    "PipelineName": "p",
        +    "REGION": "r"
        +}

        """), report.stdout)
        XCTAssertTrue(report.stderr.contains("1 file would be reformatted"), report.stderr)
        XCTAssertEqual(try String(contentsOf: file, encoding: .utf8), "{\"REGION\": \"r\", \"PipelineName\": \"p\"}")
        // Written, then clean.
        XCTAssertEqual(FormatRun.report(try FormatRun.run(paths: [file.path], write: true), check: false, diff: false).exitCode, ExitStatus.ok)
        XCTAssertEqual(FormatRun.report(try FormatRun.run(paths: [file.path], write: false), check: true, diff: false).stdout, "")
    }

    func testUnparsableFileIsAUsageErrorWithItsPosition() throws {
        let dir = try temporaryDirectory(self)
        let file = dir.appendingPathComponent("stack_config_template.json")
        try "{\n  \"a\": 1,\n}\n".write(to: file, atomically: true, encoding: .utf8)
        let report = FormatRun.report(try FormatRun.run(paths: [file.path], write: true), check: false, diff: false)
        XCTAssertEqual(report.exitCode, ExitStatus.usage)
        XCTAssertTrue(report.stderr.contains("stack_config_template.json:3:1: trailing comma"), report.stderr)
        XCTAssertEqual(try String(contentsOf: file, encoding: .utf8), "{\n  \"a\": 1,\n}\n")
    }

    func testUnifiedDiffHunksAndContext() {
        let old = (1...20).map { "line \($0)\n" }.joined()
        var newLines = (1...20).map { "line \($0)\n" }
        newLines[1] = "changed 2\n"
        newLines[17] = "changed 18\n"
        let diff = UnifiedDiff.render(old: Array(old.utf8), new: Array(newLines.joined().utf8), oldName: "a/x", newName: "b/x")
        XCTAssertEqual(diff, """
        --- a/x
        +++ b/x
        @@ -1,5 +1,5 @@
         line 1
        -line 2
        +changed 2
         line 3
         line 4
         line 5
        @@ -15,6 +15,6 @@
         line 15
         line 16
         line 17
        -line 18
        +changed 18
         line 19
         line 20

        """)
        XCTAssertEqual(UnifiedDiff.render(old: Array(old.utf8), new: Array(old.utf8), oldName: "a", newName: "b"), "")
    }
}
