@testable import bpctl
import Foundation
import TestSupport
import XCTest

/// The `validate` start-up fast path (Sources/bpctl/ValidateFastPath.swift) must be invisible:
/// for every argument shape it takes, and those it must hand back, stdout, stderr and the exit
/// code equal ArgumentParser's route (BPCTL_NO_FAST_PATH=1).
final class ValidateFastPathTests: XCTestCase {
    /// A property added to ValidateCommand and not set by the fast path would trap when read.
    func testFastPathSetsEveryProperty() {
        let names = Set(Mirror(reflecting: ValidateCommand()).children.compactMap { $0.label.map { String($0.drop { $0 == "_" }) } })
        XCTAssertEqual(names, ValidateFastPath.setProperties, "update ValidateFastPath.built for the new or removed options")
    }

    func testFastPathMatchesArgumentParser() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bpctl-vfast-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("a"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let broken = dir.appendingPathComponent("a/stack_config_template.json")
        try Data("{\"PipelineName\": \"x\",\n \"PipelineName\": 1}".utf8).write(to: broken)
        let repo = CLITests.repo
        let clean = repo.appendingPathComponent("examples/clean").path
        let shared = repo.appendingPathComponent("../shared/blueprints").standardizedFileURL.path
        let cases: [[String]] = [
            ["validate", clean], ["validate", shared], ["validate", "--fail-on", "never", shared, clean],
            ["validate", "--format", "json", clean], ["validate", "--format", "sarif", "--fail-on", "info", shared],
            ["validate", "--format", "github", shared], ["validate", dir.path], ["validate", broken.path, clean],
            ["validate", dir.appendingPathComponent("missing").path], ["validate", dir.appendingPathComponent("a").path, dir.path],
            // Shapes handed back to ArgumentParser: its own answers (usage errors, help).
            ["validate", "--format", "yaml", clean], ["validate", "--fail-on"], ["validate", "--format=json", clean],
            ["validate", "--fail-on", "never", "--fail-on", "error", clean], ["validate", "--help"], ["validate", "--no-fleet", clean],
            ["validate", "-", clean], ["validate", "--", clean],
        ]
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        for args in cases {
            let fast = try runProcess(CLITests.binary, args, environment: env, directory: repo)
            let slow = try runProcess(CLITests.binary, args, environment: env.merging(["BPCTL_NO_FAST_PATH": "1"]) { $1 }, directory: repo)
            XCTAssertEqual(fast.status, slow.status, "\(args)")
            XCTAssertEqual(fast.stdout, slow.stdout, "\(args)")
            XCTAssertEqual(fast.stderr, slow.stderr, "\(args)")
            XCTAssertFalse(fast.stderr.contains("Fatal error"), "\(args): \(fast.stderr)")
        }
        // And the answers themselves, so equal-but-empty output would not pass.
        let r = try runProcess(CLITests.binary, ["validate", broken.path], environment: env, directory: repo)
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stdout.contains("BP000"), r.stdout)
        XCTAssertEqual(try runProcess(CLITests.binary, ["validate", clean], environment: env, directory: repo).status, 0)
    }

    func testWhichShapesTakeTheFastPath() {
        for args in [["validate", "x"], ["validate"], ["validate", "--format", "sarif", "a", "b"], ["validate", "a", "--fail-on", "never"]] {
            XCTAssertNotNil(ValidateFastPath.built(args), "\(args)")
        }
        for args in [["rules"], ["validate", "-"], ["validate", "--format"], ["validate", "--format", "xml", "a"], ["validate", "--ignore", "BP101", "a"],
                     ["validate", "--fail-on=never", "a"], ["validate", "-h"], ["validate", "a", "--format", "--x"], ["validate", ""]] {
            XCTAssertNil(ValidateFastPath.built(args), "\(args)")
        }
        XCTAssertEqual(ValidateFastPath.built(["validate", "--fail-on", "never", "p", "q"])?.paths, ["p", "q"])
    }
}
