import Foundation
import TestSupport
import XCTest

/// `bpctl fmt` through the binary: exit codes, --check leaves files alone, writes are whole.
final class FmtCLITests: XCTestCase {
    func bpctl(_ args: [String], cwd: URL) throws -> ProcessResult {
        try runProcess(CLITests.binary, args, directory: cwd)
    }

    func testCheckThenWriteThenCheckAgain() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bpctl-fmt-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("x"), withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("x/stack_config_template.json")
        let messy = "{\"REGION\": \"us-east-1\",\n\"PipelineName\": \"p\"}"
        try messy.write(to: file, atomically: true, encoding: .utf8)

        let check = try bpctl(["fmt", "--check"], cwd: dir)
        XCTAssertEqual(check.status, 1, check.stderr)
        XCTAssertTrue(check.stdout.hasPrefix("--- a/x/stack_config_template.json\n+++ b/x/stack_config_template.json\n@@ "), check.stdout)
        XCTAssertEqual(try String(contentsOf: file, encoding: .utf8), messy, "--check writes nothing")

        let write = try bpctl(["fmt", "--diff", "x"], cwd: dir)
        XCTAssertEqual(write.status, 0, write.stderr)
        XCTAssertTrue(write.stdout.contains("+    \"PipelineName\": \"p\",\n"), write.stdout)
        XCTAssertEqual(try String(contentsOf: file, encoding: .utf8), "{\n    \"PipelineName\": \"p\",\n    \"REGION\": \"us-east-1\"\n}\n")

        let again = try bpctl(["fmt", "--check", "x/stack_config_template.json"], cwd: dir)
        XCTAssertEqual(again.status, 0)
        XCTAssertEqual(again.stdout, "")
    }

    func testMissingPathAndBrokenFileExitTwo() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bpctl-fmt-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        let missing = try bpctl(["fmt", "nope"], cwd: dir)
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("nope: no such file or directory"), missing.stderr)
        try "{\"a\": 'x'}".write(to: dir.appendingPathComponent("stack_config_template.json"), atomically: true, encoding: .utf8)
        let broken = try bpctl(["fmt"], cwd: dir)
        XCTAssertEqual(broken.status, 2)
        XCTAssertTrue(broken.stderr.contains("stack_config_template.json:1:7: strings must use double quotes"), broken.stderr)
        XCTAssertFalse(broken.stderr.contains("Fatal"), broken.stderr)
    }

    /// The bundled examples are what users copy and what the README runs: they must already be
    /// in the canonical layout (`fmt --check` exits 0 and changes nothing).
    func testBundledCleanExamplesAreFormatted() throws {
        let file = CLITests.repo.appendingPathComponent("examples/clean/stack_config_template.json")
        let before = try Data(contentsOf: file)
        let r = try bpctl(["fmt", "--check", "examples/clean", "examples/clean-yaml"], cwd: CLITests.repo)
        XCTAssertEqual(r.status, 0, r.stdout + r.stderr)
        XCTAssertEqual(try Data(contentsOf: file), before)
    }
}
