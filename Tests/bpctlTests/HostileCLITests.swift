import Foundation
import TestSupport
import XCTest

/// Issue 16 through the `bpctl` binary: what used to end in a signal or never end now exits
/// 0, 1 or 2 with a reason. Inputs are written by the test.
final class HostileCLITests: XCTestCase {
    struct Outcome {
        let status: Int32
        let signalled: Bool
        let stdout: String
        let stderr: String
    }

    /// Runs bpctl, killing it after `timeout` seconds (a hang fails the test instead of CI).
    func bpctl(_ args: [String], cwd: URL, timeout: Double = 60, asNobody: Bool = false) throws -> Outcome {
        let p = Process()
        if asNobody {
            p.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            p.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", CLITests.binary.path] + args
        } else {
            p.executableURL = CLITests.binary
            p.arguments = args
        }
        p.currentDirectoryURL = cwd
        let outFile = cwd.appendingPathComponent(".out-\(UUID().uuidString)"), errFile = cwd.appendingPathComponent(".err-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: outFile.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errFile.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: outFile)
            try? FileManager.default.removeItem(at: errFile)
        }
        p.standardOutput = try FileHandle(forWritingTo: outFile)
        p.standardError = try FileHandle(forWritingTo: errFile)
        try p.run()
        let deadline = Date().addingTimeInterval(timeout)
        while p.isRunning && Date() < deadline { usleep(10_000) }
        if p.isRunning {
            p.terminate()
            p.waitUntilExit()
            XCTFail("bpctl \(args.joined(separator: " ")) still ran after \(timeout) s")
        }
        return Outcome(status: p.terminationStatus, signalled: p.terminationReason == .uncaughtSignal,
                       stdout: (try? String(contentsOf: outFile, encoding: .utf8)) ?? "",
                       stderr: (try? String(contentsOf: errFile, encoding: .utf8)) ?? "")
    }

    func assertClean(_ o: Outcome, _ allowed: Set<Int32>, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertFalse(o.signalled, "killed by signal \(o.status): \(o.stderr.prefix(500))", file: file, line: line)
        XCTAssertTrue(allowed.contains(o.status), "exit \(o.status): \(o.stdout.prefix(500)) \(o.stderr.prefix(500))", file: file, line: line)
        XCTAssertFalse(o.stderr.contains("Backtrac") || o.stderr.contains("Fatal error"), file: file, line: line)
    }

    func tempDir() throws -> URL {
        let dir = URL(fileURLWithPath: "/tmp").appendingPathComponent("bpctl-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        chmod(dir.path, 0o755)
        addTeardownBlock {
            chmod(dir.path, 0o755)
            try? FileManager.default.removeItem(at: dir)
        }
        return dir
    }

    func write(_ dir: URL, _ name: String, _ text: String) throws {
        let url = dir.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    static var clean: String {
        (try? String(contentsOf: CLITests.repo.appendingPathComponent("examples/clean/stack_config_template.json"), encoding: .utf8)) ?? ""
    }

    func testSchemaInputsThatCrashedNowExitWithAReason() throws {
        let dir = try tempDir()
        let chain = (0..<10_000).map { ##""d\##($0)": {"$ref": "#/$defs/d\##($0 + 1)"}"## }.joined(separator: ", ")
        let cases: [(schema: String, instance: String, exits: Set<Int32>, says: String?)] = [
            (#"{"pattern": "a*"}"#, "\"" + String(repeating: "a", count: 30_001) + "\"", [0], nil),
            (#"{"$id": "\#(String(repeating: "x", count: 32_768))"}"#, "1", [0], nil),
            (#"{"pattern": "\#(String(repeating: "(", count: 30_000))a\#(String(repeating: ")", count: 30_000))"}"#, "1", [2], "groups nest deeper than"),
            (#"{"not": {"$id": ""}}"#, "1", [2], "names a resource that another schema already is"),
            (##"{"$ref": "#/$defs/d0", "$defs": {\##(chain), "d10000": {}}}"##, "1", [1], "evaluation nests deeper than bpctl allows"),
            (#"{"pattern": "(?:a|a?)+$"}"#, "\"" + String(repeating: "a", count: 30) + "!\"", [0], nil),
        ]
        for (i, c) in cases.enumerated() {
            try write(dir, "s\(i).json", c.schema)
            try write(dir, "i\(i).json", c.instance)
            let o = try bpctl(["validate", "--no-rules", "--schema", "s\(i).json", "i\(i).json"], cwd: dir)
            assertClean(o, c.exits)
            if let says = c.says { XCTAssertTrue(o.stdout.contains(says), "case \(i): \(o.stdout.prefix(400))") }
        }
    }

    func testLongInstanceTypeAndCanonicallyEquivalentKeys() throws {
        let dir = try tempDir()
        let long = Self.clean.replacingOccurrences(of: "\"p3.2xlarge\"", with: "\"" + String(repeating: "x", count: 27_000) + "\"")
        try write(dir, "a/stack_config_template.json", long)
        assertClean(try bpctl(["validate", "a"], cwd: dir), [1])
        // One key U+00E9, the other e + U+0301: two keys (code points), not a duplicate (exit 2).
        try write(dir, "dup.json", "{\"caf\u{E9}\": 1, \"cafe\u{301}\": 2}")
        let o = try bpctl(["validate", "--no-rules", "--schema", "dup.json", "dup.json"], cwd: dir)
        assertClean(o, [0])
        XCTAssertFalse(o.stdout.contains("duplicate key"), o.stdout)
    }

    func testFIFOsAreReportedAndSkipped() throws {
        let dir = try tempDir()
        try write(dir, "a/stack_config_template.json", Self.clean)
        XCTAssertEqual(mkfifo(dir.appendingPathComponent("fifo.json").path, 0o644), 0)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("b"), withIntermediateDirectories: true)
        XCTAssertEqual(mkfifo(dir.appendingPathComponent("b/stack_config_template.json").path, 0o644), 0)
        XCTAssertEqual(mkfifo(dir.appendingPathComponent("a/.bpctl.yaml").path, 0o644), 0)
        let reason = "cannot read the file: it is a FIFO (named pipe), not a regular file"
        let direct = try bpctl(["validate", "fifo.json"], cwd: dir, timeout: 30)
        assertClean(direct, [2])
        XCTAssertTrue(direct.stdout.contains("fifo.json:1:1: error[BP000]: \(reason)"), direct.stdout)
        let walked = try bpctl(["validate", "."], cwd: dir, timeout: 30)
        assertClean(walked, [2])
        XCTAssertTrue(walked.stdout.contains("b/stack_config_template.json:1:1: error[BP000]: \(reason)"), walked.stdout)
        XCTAssertTrue(walked.stdout.contains("a/.bpctl.yaml:1:1: error[BP000]: \(reason)"), walked.stdout)
    }

    func testAnUnreadableSubfolderIsAnError() throws {
        let dir = try tempDir()
        try write(dir, "a/stack_config_template.json", Self.clean)
        try write(dir, "b/stack_config_template.json", "{ broken")
        chmod(dir.appendingPathComponent("b").path, 0)
        // root reads everything: drop to nobody for the run (setpriv, util-linux).
        let asNobody = geteuid() == 0
        if asNobody && !FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") { throw XCTSkip("root without setpriv") }
        let o = try bpctl(["validate", "."], cwd: dir, asNobody: asNobody)
        if asNobody && o.stderr.contains("setpriv") { throw XCTSkip("setpriv failed: \(o.stderr)") }
        assertClean(o, [2])
        XCTAssertTrue(o.stderr.contains("b: cannot read the folder (Permission denied)"), o.stderr)
    }
}
