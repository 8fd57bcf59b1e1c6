import Foundation
import TestSupport
import XCTest

/// `bpctl` is a front that answers `--version`, validate, rules, schema and whoami itself and runs
/// `bpctl-full`, found beside its real file, for everything else (Sources/bpctl/Front.swift).
/// Whichever binary answers, the bytes and exit code must be those of the whole CLI.
final class FrontTests: XCTestCase {
    static var full: URL { CLITests.binary.deletingLastPathComponent().appendingPathComponent("bpctl-full") }

    private func tempDir() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bpctl-front-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return dir
    }

    /// No colour, no AWS configuration from the machine, no metadata lookups.
    private func environment(home: URL) -> [String: String] {
        var env = ProcessInfo.processInfo.environment
        for name in env.keys where name.hasPrefix("AWS_") || name == "BPCTL_NO_FAST_PATH" { env[name] = nil }
        env["NO_COLOR"] = "1"
        env["HOME"] = home.path
        env["AWS_EC2_METADATA_DISABLED"] = "true"
        return env
    }

    private func assertSame(_ args: [String], env: [String: String], file: StaticString = #filePath, line: UInt = #line) throws -> ProcessResult {
        let front = try runProcess(CLITests.binary, args, environment: env, directory: CLITests.repo)
        let full = try runProcess(Self.full, args, environment: env, directory: CLITests.repo)
        XCTAssertEqual(front.status, full.status, "\(args)", file: file, line: line)
        XCTAssertEqual(front.stdout, full.stdout, "\(args)", file: file, line: line)
        XCTAssertEqual(front.stderr, full.stderr, "\(args)", file: file, line: line)
        XCTAssertFalse(front.stderr.contains("Fatal error"), "\(args): \(front.stderr)", file: file, line: line)
        return front
    }

    func testFrontAndFullGiveTheSameAnswers() throws {
        let home = try tempDir()
        let env = environment(home: home)
        let clean = "examples/clean", broken = "examples/broken"
        let cases: [[String]] = [
            [], ["--version"], ["--help"], ["-h"], ["help"], ["help", "validate"], ["help", "rules"],
            ["validate", "--help"], ["rules", "--help"], ["schema", "--help"], ["whoami", "--help"], ["validate", "-h"],
            ["rules"], ["rules", "BP131"], ["rules", "instance-type"], ["rules", "--json"], ["rules", "--markdown", "BP131"], ["schema"],
            ["validate", clean], ["validate", broken, clean], ["validate", "--format", "json", broken], ["validate", "--format", "sarif", broken],
            ["validate", "--no-fleet", "--format", "github", broken], ["validate", "--version"], ["rules", "--version"],
            // Usage errors: the subcommand's usage line, exit 2.
            ["validate", "--format", "yaml", clean], ["validate", "--ignore", "nope", clean], ["validate", "--protocols", "missing", clean],
            ["validate", "--bogus"], ["validate", "help"], ["rules", "BP999"], ["rules", "--markdown", "--json"], ["schema", "extra"],
            ["whoami", "--bogus"], ["whoami", "--region", "nowhere"], ["whoami", "--profile", "nope"], ["whoami"],
            // Unknown subcommands ("did you mean") and options before any subcommand.
            ["vaildate"], ["rule"], ["frobnicate", "x"], ["--bogus"],
            // The companion's commands, and whole-tree requests that name a front command.
            ["fmt", "--help"], ["plan", "--help"], ["dev", "--help"], ["fmt", "--check", clean],
            ["--generate-completion-script", "bash"], ["validate", "--generate-completion-script", "zsh"],
            ["validate", "--experimental-dump-help"],
        ]
        for args in cases { _ = try assertSame(args, env: env) }

        // The answers themselves, so equal-but-wrong output would not pass.
        XCTAssertEqual(try assertSame(["--version"], env: env).stdout, "0.1.0\n")
        let typo = try assertSame(["vaildate"], env: env)
        XCTAssertEqual(typo.status, 2)
        XCTAssertTrue(typo.stderr.contains("Error: unknown command 'vaildate'") && typo.stderr.contains("validate"), typo.stderr)
        let usage = try assertSame(["validate", "--format", "yaml", clean], env: env)
        XCTAssertEqual(usage.status, 2)
        XCTAssertTrue(usage.stderr.contains("Usage: bpctl validate"), usage.stderr)
        let help = try assertSame(["--help"], env: env)
        XCTAssertEqual(help.status, 0)
        for command in ["validate", "rules", "schema", "whoami", "plan", "fmt", "ami", "dev", "audit"] {
            XCTAssertTrue(help.stdout.contains("  \(command)"), "--help lists \(command):\n\(help.stdout)")
        }
        XCTAssertEqual(try assertSame(["validate", broken], env: env).status, 1)
        XCTAssertTrue(try assertSame(["schema"], env: env).stdout.hasPrefix("{"))
    }

    /// Schema patterns outside the ECMA-262 subset BlueprintKit matches itself (lookaround) need
    /// the ICU engine; whichever binary answers, the finding is the same.
    func testICUPatternsInACustomSchemaAnswerTheSame() throws {
        let dir = try tempDir()
        let env = environment(home: dir)
        try Data(#"{"type":"object","properties":{"a":{"type":"string","pattern":"^(?=x)x+$"},"r":{"format":"regex"}}}"#.utf8)
            .write(to: dir.appendingPathComponent("s.json"))
        try Data(#"{"a":"y","r":"(?<=a)b"}"#.utf8).write(to: dir.appendingPathComponent("i.json"))
        let s = dir.appendingPathComponent("s.json").path, i = dir.appendingPathComponent("i.json").path
        let r = try assertSame(["validate", "--no-rules", "--schema", s, i], env: env)
        XCTAssertEqual(r.status, 1, r.stdout + r.stderr)
        XCTAssertTrue(r.stdout.contains("does not match the pattern ^(?=x)x+$"), r.stdout)
        _ = try assertSame(["validate", "--no-rules", "--format-assert", "--schema", s, i], env: env)
    }

    /// whoami's successful call (a local fake STS answers), and AWS's refusal (exit 1).
    func testWhoAmIAnswersTheSameFromBoth() throws {
        let home = try tempDir()
        let server = try LocalServer.fake(["retry", "0", "200", ""])
        defer { server.stop() }
        var env = environment(home: home)
        env.merge(["AWS_ENDPOINT_URL": server.endpoint, "AWS_ACCESS_KEY_ID": "AKIAFAKE", "AWS_SECRET_ACCESS_KEY": "fake",
                   "AWS_REGION": "us-east-1"]) { $1 }
        let json = try assertSame(["whoami", "--json"], env: env)
        XCTAssertEqual(json.status, 0, json.stderr)
        XCTAssertTrue(json.stdout.contains("111122223333"), json.stdout)
        XCTAssertEqual(try assertSame(["whoami"], env: env).status, 0)
        env["AWS_ENDPOINT_URL"] = "http://127.0.0.1:9"
        env["AWS_MAX_ATTEMPTS"] = "1"
        let refused = try assertSame(["whoami"], env: env)
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.hasPrefix("bpctl: "), refused.stderr)
    }

    /// Standard input that cannot be read (a directory) is a usage error naming it; FileHandle
    /// trapped here before.
    func testUnreadableStandardInputIsAUsageError() throws {
        for binary in [CLITests.binary, Self.full] {
            let r = try runProcess(URL(fileURLWithPath: "/bin/sh"), ["-c", "exec \"$0\" validate - < /", binary.path], directory: CLITests.repo)
            XCTAssertEqual(r.status, 2, r.stderr)
            XCTAssertTrue(r.stderr.hasPrefix("Error: - (standard input) cannot be read: Is a directory\nbpctl validate ["), r.stderr)
            XCTAssertEqual(r.stdout, "")
        }
    }

    /// The front answers its commands in one process; anything else is a second program, the
    /// companion (the loader reports each program it starts under LD_DEBUG=libs).
    func testTheFrontAnswersItsCommandsAlone() throws {
        let env = environment(home: try tempDir())
        func programs(_ args: [String]) throws -> Int {
            let (r, libs) = try loadedLibraries(CLITests.binary, args, environment: env, directory: CLITests.repo)
            guard libs != nil else { throw XCTSkip("the dynamic loader does not report libraries (not glibc)") }
            return r.stderr.components(separatedBy: "initialize program: ").count - 1
        }
        for args in [["--version"], ["validate", "examples/clean"], ["validate", "--help"], ["rules", "BP131"], ["schema"], ["whoami", "--bogus"]] {
            XCTAssertEqual(try programs(args), 1, "\(args): answered by the front alone")
        }
        for args in [["--help"], ["help"], ["fmt", "--check", "examples/clean"], ["vaildate"], ["rules", "--generate-completion-script", "bash"]] {
            XCTAssertEqual(try programs(args), 2, "\(args): the front exec'd bpctl-full")
        }
    }

    /// Nothing linked into the front may reference swift-corelibs-foundation (or Yams, which uses
    /// it): one reference links Foundation, CoreFoundation and ICU into every start. The objects
    /// are the ones SwiftPM's link file list names for the front, so stale objects of files
    /// that moved do not count and every library the front links (BlueprintKit, AWSClient, …) does.
    func testNothingLinkedIntoTheFrontReferencesCorelibsFoundation() throws {
        let list = CLITests.binary.deletingLastPathComponent().appendingPathComponent("bpctl.product/Objects.LinkFileList")
        guard let text = try? String(contentsOf: list, encoding: .utf8) else { throw XCTSkip("no link file list at \(list.path)") }
        let objects = text.split(separator: "\n").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "'\" ")) }.filter { !$0.isEmpty }
        XCTAssertTrue(objects.contains { $0.hasSuffix("Front.swift.o") } && objects.contains { $0.contains("/BlueprintKit.build/") },
                      "the list names the front's and its libraries' objects")
        let r = try runProcess(URL(fileURLWithPath: "/usr/bin/env"), ["nm", "-u"] + objects)
        guard r.status == 0 else { throw XCTSkip("nm: \(r.stderr)") }
        let foundation = r.stdout.split(separator: "\n").filter {
            $0.range(of: #"10Foundation|So[0-9]+NS|So[0-9]+CF|4Yams"#, options: .regularExpression) != nil
        }
        XCTAssertEqual(foundation, [], "symbols of swift-corelibs-foundation or Yams referenced by objects linked into the front")
        XCTAssertTrue(r.stdout.contains("FoundationEssentials"), "the check sees the objects' undefined symbols")
    }

    /// Installed as a symlink (/usr/local/bin/bpctl → the build folder), the front finds the
    /// companion beside its real file, not beside the link.
    func testASymlinkedFrontFindsItsCompanion() throws {
        let dir = try tempDir()
        let link = dir.appendingPathComponent("bpctl")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: CLITests.binary)
        let r = try runProcess(link, ["fmt", "--help"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, try runProcess(Self.full, ["fmt", "--help"]).stdout)
        XCTAssertTrue(r.stdout.contains("USAGE: bpctl fmt"), r.stdout)
        XCTAssertEqual(try runProcess(link, ["rules", "BP131"]).stdout, try runProcess(Self.full, ["rules", "BP131"]).stdout)
    }

    /// A front copied without its companion still answers its own commands, and says for any
    /// other what is missing and where it looked (exit 1, nothing on stdout).
    func testAFrontWithoutItsCompanionStillAnswersItsCommands() throws {
        let dir = try tempDir()
        let alone = dir.appendingPathComponent("bin/bpctl")
        try FileManager.default.createDirectory(at: alone.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: CLITests.binary, to: alone)
        let env = environment(home: dir)
        for args in [["--version"], ["validate", "examples/clean"], ["validate", "--format", "json", "examples/broken"], ["rules", "BP131"],
                     ["schema"], ["validate", "--format", "yaml", "x"], ["whoami", "--region", "nowhere"]] {
            let mine = try runProcess(alone, args, environment: env, directory: CLITests.repo)
            let full = try runProcess(Self.full, args, environment: env, directory: CLITests.repo)
            XCTAssertEqual(mine.status, full.status, "\(args)")
            XCTAssertEqual(mine.stdout, full.stdout, "\(args)")
            XCTAssertEqual(mine.stderr, full.stderr, "\(args)")
        }
        let missing = dir.appendingPathComponent("bin/bpctl-full").path
        for args in [["--help"], ["fmt", "examples/clean"], ["vaildate"], []] {
            let r = try runProcess(alone, args, environment: env, directory: CLITests.repo)
            XCTAssertEqual(r.status, 1, "\(args)")
            XCTAssertEqual(r.stdout, "", "\(args)")
            XCTAssertEqual(r.stderr, """
                bpctl: cannot run \(missing) (No such file or directory)
                hint: bpctl runs bpctl-full for this command; install both binaries in the same folder \
                (scripts/bootstrap.sh builds both: .build/release/bpctl and .build/release/bpctl-full)

                """, "\(args)")
        }
    }
}
