import Foundation
@testable import neurocaas_contrib
import TestSupport
import XCTest

/// The front `neurocaas-contrib` (Sources/neurocaas-contrib/FastPath.swift) must be invisible: for
/// every argument shape it answers, and a few it must hand to the companion, the output and exit
/// code equal those of neurocaas-contrib-full's ArgumentParser route (BPCTL_NO_FAST_PATH=1).
final class FastPathTests: XCTestCase {
    func testFastPathMatchesArgumentParser() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("bpctl-fast-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("job"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try Data("x".utf8).write(to: root.appendingPathComponent("data.txt"))
        let yaml = root.appendingPathComponent("c.yaml").path
        try Data("mode: fast\nflag: yes\nn: 0x1A\nlist: [a, 1]\nmap: {b: 2}\nnothing: ~\n".utf8).write(to: URL(fileURLWithPath: yaml))
        let env = ["HOME": root.path, "AWS_EC2_METADATA_DISABLED": "true", "PATH": "/usr/bin:/bin"]
        let contrib = ContribCLITests.binary
        XCTAssertEqual(try runProcess(contrib, ["workflow", "initialize-job", "-p", root.appendingPathComponent("job").path], environment: env).status, 0)
        XCTAssertEqual(try runProcess(contrib, ["workflow", "register-dataset", "-l", root.appendingPathComponent("data.txt").path], environment: env).status, 0)
        XCTAssertEqual(try runProcess(contrib, ["workflow", "get-data", "-f"], environment: env).status, 0)

        let cases: [[String]] = [
            ["workflow", "get-dataname"], ["workflow", "get-datapath"], ["workflow", "get-configname"], ["workflow", "get-configpath"],
            ["workflow", "get-bucket"], ["workflow", "get-group"], ["workflow", "get-resultpath-tmp"],
            ["workflow", "get-filename", "-n", "extra"], ["workflow", "get-filepath", "--name", "extra"],
            ["workflow", "get-resultpath", "-l", root.appendingPathComponent("data.txt").path],
            ["scripting", "read-yaml", "-p", yaml, "-f", "mode"], ["scripting", "read-yaml", "--field", "flag", "--path", yaml],
            ["scripting", "read-yaml", "-p", yaml, "-f", "n"], ["scripting", "read-yaml", "-p", yaml, "-f", "list"],
            ["scripting", "read-yaml", "-p", yaml, "-f", "map"], ["scripting", "read-yaml", "-p", yaml, "-f", "nothing"],
            ["scripting", "read-yaml", "-p", yaml, "-f", "missing", "-d", "fallback"], ["scripting", "read-yaml", "-p", yaml, "-f", "missing"],
            ["scripting", "read-yaml", "-p", root.appendingPathComponent("none.yaml").path, "-f", "x"],
            // Shapes the fast path hands back: ArgumentParser's answers (usage errors, help).
            ["workflow", "get-dataname", "--bogus"], ["scripting", "read-yaml", "-p", yaml], ["scripting", "read-yaml", "-p", yaml, "-f", "mode", "-f", "n"],
            ["scripting", "read-yaml", "--path=\(yaml)", "--field", "mode"], ["workflow", "get-filename"], ["workflow", "get-dataname", "--help"],
        ]
        for args in cases {
            let fast = try runProcess(contrib, args, environment: env)
            let slow = try runProcess(contrib, args, environment: env.merging(["BPCTL_NO_FAST_PATH": "1"]) { $1 })
            XCTAssertEqual(fast.status, slow.status, "\(args)")
            XCTAssertEqual(fast.stdout, slow.stdout, "\(args)")
            XCTAssertEqual(fast.stderr, slow.stderr, "\(args)")
            XCTAssertFalse(fast.stderr.contains("Fatal error"), "\(args): \(fast.stderr)")
        }
        // And the values themselves (so equal-but-empty answers would not pass).
        XCTAssertEqual(try runProcess(contrib, ["workflow", "get-dataname"], environment: env).stdout, "data.txt\n")
        XCTAssertEqual(try runProcess(contrib, ["scripting", "read-yaml", "-p", yaml, "-f", "flag"], environment: env).stdout, "True\n")
    }

    func testWhichShapesTakeTheFastPath() {
        let existing = #filePath
        for args in [["workflow", "get-dataname"], ["workflow", "get-filepath", "-n", "x"], ["scripting", "read-yaml", "-f", "a", "-p", existing],
                     ["scripting", "read-yaml", "--path", existing, "--field", "a", "--default", ""]] {
            XCTAssertNotNil(FastPath.command(args), "\(args)")
        }
        // Everything else is the companion's: help, other spellings, usage errors (a read-yaml
        // path that does not exist is one, exit 2).
        for args in [["workflow"], ["workflow", "get-dataname", "-h"], ["workflow", "get-data", "-f"], ["scripting", "read-yaml", "-p", existing],
                     ["scripting", "read-yaml", "-p", existing, "-f", "-x"], ["scripting", "read-yaml", "-p", existing, "-f", "a", "-p", "c"],
                     ["scripting", "read-yaml", "-p", existing + ".missing", "-f", "a"],
                     ["scripting", "parse-zip", "-z", "a.zip"], ["--help"], ["--version"], ["workflow", "get-resultpath", "-l"]] {
            XCTAssertNil(FastPath.command(args), "\(args)")
        }
    }
}
