@testable import BPCtlCommands
import Foundation
import TestSupport
import XCTest

/// The `validate` start-up fast path (Sources/BPCtlCommands/ValidateFastPath.swift) must be invisible:
/// for every argument shape it takes, and those it must hand back, stdout, stderr and the exit
/// code equal ArgumentParser's route (BPCTL_NO_FAST_PATH=1).
final class ValidateFastPathTests: XCTestCase {
    /// A property added to ValidateCommand and not set by the fast path would trap when read.
    func testFastPathSetsEveryProperty() {
        let names = Set(Mirror(reflecting: ValidateCommand()).children.compactMap { $0.label.map { String($0.drop { $0 == "_" }) } })
        XCTAssertEqual(names, ValidateFastPath.setProperties, "update ValidateFastPath.built for the new or removed options")
        // The plain options both routes run have the same properties (ValidateCommand.options
        // copies each one; ValidateRun has no defaults, so the fast path sets every one).
        let run = ValidateRun(paths: [], format: .text, failOn: .error, ignore: [], protocols: nil, schema: nil, color: .auto,
                              noRules: false, noSchema: false, formatAssert: false, noFleet: false, noConfig: false)
        XCTAssertEqual(Set(Mirror(reflecting: run).children.compactMap(\.label)), names)
    }

    /// Inputs naming one file twice are validated once, decided as NSString's standardizingPath
    /// decided it for every file (the inode pre-check only skips that call where it cannot merge).
    func testDuplicateInputsAsStandardizingPathDecides() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bpctl-dedup-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("a/b"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let f = dir.appendingPathComponent("a/stack_config_template.json").path
        let g = dir.appendingPathComponent("a/b/stack_config_template.json").path
        try Data("{}".utf8).write(to: URL(fileURLWithPath: f))
        try Data("{}".utf8).write(to: URL(fileURLWithPath: g))
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("link.json").path, withDestinationPath: f)
        try FileManager.default.linkItem(atPath: g, toPath: dir.appendingPathComponent("hard.json").path)
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("dirlink").path, withDestinationPath: dir.appendingPathComponent("a").path)
        let lists: [[String]] = [
            [f, g], [f, f], [f, dir.appendingPathComponent("link.json").path, g], [g, dir.appendingPathComponent("hard.json").path, g],
            [dir.appendingPathComponent("a/b/../stack_config_template.json").path, f], [dir.appendingPathComponent("dirlink/stack_config_template.json").path, f, g],
            [dir.appendingPathComponent("a/./stack_config_template.json").path, dir.appendingPathComponent("dirlink/b/stack_config_template.json").path, g],
        ]
        for files in lists {
            var seen = Set<String>()
            let expected = files.map { seen.insert(($0 as NSString).standardizingPath).inserted }
            XCTAssertEqual(InputDeduplication.firstOccurrences(files), expected, "\(files)")
        }
        XCTAssertEqual(InputDeduplication.firstOccurrences([f, dir.appendingPathComponent("link.json").path]), [true, false])
        XCTAssertEqual(InputDeduplication.firstOccurrences([g, dir.appendingPathComponent("hard.json").path]), [true, true], "hard links are two paths")
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
