import Foundation
import TestSupport
import XCTest

/// What a new user and a CI reviewer run into: usage errors that name the flag, one id per
/// meaning, broken configs, stdin, colour, help text and the SARIF details code scanning reads.
final class CLIUsageTests: XCTestCase {
    func bpctl(_ args: [String], cwd: URL? = nil, env: [String: String] = [:]) throws -> CLITests.Run {
        var environment = ProcessInfo.processInfo.environment
        environment.merge(env) { $1 }
        let r = try runProcess(CLITests.binary, args, environment: environment, directory: cwd ?? CLITests.repo)
        return CLITests.Run(status: r.status, stdout: r.stdout, stderr: r.stderr)
    }

    func tempDir() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bpctl-usage-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return dir
    }

    func cleanBlueprint() throws -> Data {
        try Data(contentsOf: CLITests.repo.appendingPathComponent("examples/clean/stack_config_template.json"))
    }

    func testPathFlagsNamingNothingUsableAreUsageErrors() throws {
        let dir = try tempDir()
        try Data("x".utf8).write(to: dir.appendingPathComponent("file.txt"))
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("empty"), withIntermediateDirectories: true)
        let cases: [([String], String)] = [
            (["--protocols", dir.appendingPathComponent("missing").path], "--protocols"),
            (["--protocols", dir.appendingPathComponent("file.txt").path], "not a directory"),
            (["--protocols", dir.appendingPathComponent("empty").path], "no Python modules"),
            (["--schema", dir.appendingPathComponent("missing.json").path], "--schema"),
            (["--schema", dir.path], "is a directory"),
        ]
        for (flags, expected) in cases {
            let r = try bpctl(["validate", "examples/clean"] + flags)
            XCTAssertEqual(r.status, 2, "\(flags): \(r.stdout)")
            XCTAssertTrue(r.stderr.contains(expected), "\(flags): \(r.stderr)")
            XCTAssertTrue(r.stderr.contains("Usage: bpctl validate"), "the subcommand's usage, not the root's: \(r.stderr)")
            XCTAssertEqual(r.stdout, "", "no findings for a wrong flag")
        }
        let path = try bpctl(["validate", "no/such/dir"])
        XCTAssertTrue(path.stderr.contains("Usage: bpctl validate"), path.stderr)
    }

    /// BP123 (an error) and the "not checked" notice (BP125, info) are separate ids.
    func testNotCheckedNoticeHasItsOwnID() throws {
        let r = try bpctl(["validate", "--format", "json", "examples/clean"])
        XCTAssertTrue(r.stdout.contains("\"rule\": \"BP125\""), r.stdout)
        XCTAssertFalse(r.stdout.contains("\"rule\": \"BP123\""), r.stdout)
        XCTAssertEqual(try bpctl(["validate", "--fail-on", "info", "--ignore", "BP125", "examples/clean"]).status, 0)
        XCTAssertEqual(try bpctl(["validate", "--fail-on", "info", "--ignore", "BP123", "examples/clean"]).status, 1,
                       "ignoring BP123 does not hide the notice")
        let sarif = try bpctl(["validate", "--format", "sarif", "examples/clean"])
        let run = try XCTUnwrap(((try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any])?["runs"] as? [[String: Any]])?.first)
        let rules = try XCTUnwrap(((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        for result in try XCTUnwrap(run["results"] as? [[String: Any]]) {
            let rule = try XCTUnwrap(rules[try XCTUnwrap(result["ruleIndex"] as? Int)])
            let level = (rule["defaultConfiguration"] as? [String: Any])?["level"] as? String
            XCTAssertEqual(level, result["level"] as? String, "rule level and result level agree for \(result["ruleId"] ?? "")")
        }
    }

    func testMalformedConfigIsAUsageErrorAndNotCountedAsAFile() throws {
        let dir = try tempDir()
        try cleanBlueprint().write(to: dir.appendingPathComponent("stack_config_template.json"))
        try Data("ignore:\n  rule: BP125\n".utf8).write(to: dir.appendingPathComponent(".bpctl.yaml"))
        for failOn in ["error", "never"] {
            let r = try bpctl(["validate", "--fail-on", failOn, "."], cwd: dir)
            XCTAssertEqual(r.status, 2, "--fail-on \(failOn): \(r.stdout)")
            XCTAssertTrue(r.stdout.contains(".bpctl.yaml:2:3: error[BP902]"), r.stdout)
            XCTAssertTrue(r.stdout.contains("in 1 file"), r.stdout)
        }
        let json = try bpctl(["validate", "--format", "json", "."], cwd: dir)
        let summary = (try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])?["summary"] as? [String: Int]
        XCTAssertEqual(summary?["files"], 1)
        let ignored = try bpctl(["validate", "--ignore", "BP902", "."], cwd: dir)
        XCTAssertEqual(ignored.status, 2, "a broken config cannot be ignored away")
        try Data("ignore:\n  - rule: BP125\n    reason: no protocols here\n".utf8).write(to: dir.appendingPathComponent(".bpctl.yaml"))
        let good = try bpctl(["validate", "--fail-on", "info", "."], cwd: dir)
        XCTAssertEqual(good.status, 0, good.stdout)
        XCTAssertTrue(good.stdout.contains("in 1 file (1 suppressed)"), good.stdout)
    }

    func testStandardInput() throws {
        let dir = try tempDir()
        try cleanBlueprint().write(to: dir.appendingPathComponent("bp.json"))
        try Data("PipelineName: x\n".utf8).write(to: dir.appendingPathComponent("bp.yaml"))
        let sh = URL(fileURLWithPath: "/bin/sh")
        let good = try runProcess(sh, ["-c", "\"$0\" validate - < bp.json", CLITests.binary.path], directory: dir)
        XCTAssertEqual(good.status, 0, good.stdout + good.stderr)
        XCTAssertTrue(good.stdout.contains("in 1 file"), good.stdout)
        let yaml = try runProcess(sh, ["-c", "\"$0\" validate - < bp.yaml", CLITests.binary.path], directory: dir)
        XCTAssertEqual(yaml.status, 1)
        XCTAssertTrue(yaml.stdout.contains("<stdin>:1:"), yaml.stdout)
    }

    func testColorChoice() throws {
        let esc = "\u{1B}["
        XCTAssertTrue(try bpctl(["validate", "--color", "always", "examples/broken"]).stdout.contains(esc))
        XCTAssertFalse(try bpctl(["validate", "examples/broken"], env: ["NO_COLOR": "", "FORCE_COLOR": "", "CLICOLOR_FORCE": ""]).stdout.contains(esc))
        XCTAssertTrue(try bpctl(["validate", "examples/broken"], env: ["FORCE_COLOR": "1"]).stdout.contains(esc))
        XCTAssertTrue(try bpctl(["validate", "examples/broken"], env: ["CLICOLOR_FORCE": "1"]).stdout.contains(esc))
        XCTAssertFalse(try bpctl(["validate", "--color", "never", "examples/broken"], env: ["FORCE_COLOR": "1"]).stdout.contains(esc))
        XCTAssertFalse(try bpctl(["validate", "examples/broken"], env: ["FORCE_COLOR": "0", "NO_COLOR": "1"]).stdout.contains(esc))
        XCTAssertEqual(try bpctl(["validate", "--color", "sometimes", "examples/broken"]).status, 2)
    }

    func testSubcommandsAndRules() throws {
        let typo = try bpctl(["valdiate"])
        XCTAssertEqual(typo.status, 2)
        XCTAssertTrue(typo.stderr.contains("did you mean 'validate'?"), typo.stderr)
        let one = try bpctl(["rules", "BP131"])
        XCTAssertEqual(one.status, 0)
        for part in ["BP131 instance-type (error)", "Why: ", "Triggered by:", "--ignore BP131", "Metadata"] {
            XCTAssertTrue(one.stdout.contains(part), part)
        }
        XCTAssertEqual(try bpctl(["rules", "instance-type"]).stdout, one.stdout)
        let unknown = try bpctl(["rules", "BP13l"])
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.stderr.contains("did you mean"), unknown.stderr)
        let both = try bpctl(["rules", "--markdown", "--json"])
        XCTAssertEqual(both.status, 2)
        XCTAssertEqual(both.stdout, "")
    }

    /// The overview lists exactly the subcommands that exist, and no help text (every
    /// subcommand's) has a stray backslash from a string continuation.
    func testHelpIsTruthfulAndClean() throws {
        let help = try bpctl(["--help"])
        let section = try XCTUnwrap(help.stdout.components(separatedBy: "SUBCOMMANDS:").last)
        let names = section.split(separator: "\n").compactMap { line -> String? in
            let t = line.trimmingCharacters(in: .whitespaces)
            guard line.hasPrefix("  "), !line.hasPrefix("   "), let word = t.split(separator: " ").first, !t.hasPrefix("See ") else { return nil }
            return String(word)
        }
        XCTAssertTrue(names.contains("validate"), section)
        // The overview paragraph (argument-parser wraps it at 80 columns).
        let overview = try XCTUnwrap(help.stdout.components(separatedBy: "\n\n").first).replacingOccurrences(of: "\n", with: " ")
        for name in names where name != "help" { XCTAssertTrue(overview.contains(name), "overview names \(name): \(overview)") }
        for word in ["plan", "apply"] where !names.contains(word) {
            XCTAssertFalse(overview.contains(word), "the overview promises \(word): \(overview)")
        }
        for name in names where name != "help" {
            let r = try bpctl([name, "--help"])
            XCTAssertEqual(r.status, 0, name)
            XCTAssertFalse(r.stdout.split(separator: "\n").contains { $0.hasSuffix("\\") || $0.contains("\\ ") }, "\(name) --help: \(r.stdout)")
        }
    }

    func testSARIFDetails() throws {
        let dir = try tempDir()
        let odd = dir.appendingPathComponent("a b\r\nc%")
        try FileManager.default.createDirectory(at: odd, withIntermediateDirectories: true)
        try Data(contentsOf: CLITests.repo.appendingPathComponent("examples/broken/stack_config_template.json"))
            .write(to: odd.appendingPathComponent("stack_config_template.json"))
        let r = try bpctl(["validate", "--format", "sarif", "--ignore", "BP131", odd.path])
        let sarif = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let run = try XCTUnwrap((sarif["runs"] as? [[String: Any]])?.first)
        XCTAssertEqual(run["columnKind"] as? String, "unicodeCodePoints")
        let results = try XCTUnwrap(run["results"] as? [[String: Any]])
        let suppressed = results.filter { $0["suppressions"] != nil }
        XCTAssertEqual(suppressed.map { $0["ruleId"] as? String }, ["BP131"])
        XCTAssertEqual((suppressed.first?["suppressions"] as? [[String: Any]])?.first?["kind"] as? String, "external")
        for result in results {
            let location = (result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]
            let uri = try XCTUnwrap((location?["artifactLocation"] as? [String: Any])?["uri"] as? String)
            XCTAssertTrue(uri.hasPrefix("file:///"), uri)
            XCTAssertTrue(uri.hasSuffix("/a%20b%0D%0Ac%25/stack_config_template.json"), uri)
            XCTAssertNotNil(URL(string: uri), uri)
        }
    }
}

/// whoami's configuration mistakes: named for what they are, exit 2, before any request.
final class WhoAmIConfigurationTests: XCTestCase {
    func whoami(_ args: [String], env: [String: String]) throws -> ProcessResult {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("bpctl-home-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home.appendingPathComponent(".aws"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: home) }
        try Data("[real]\naws_access_key_id = AKIAEXAMPLE000000001\naws_secret_access_key = x\n".utf8)
            .write(to: home.appendingPathComponent(".aws/credentials"))
        var environment = ["HOME": home.path, "AWS_EC2_METADATA_DISABLED": "true", "PATH": "/usr/bin:/bin"]
        environment.merge(env) { $1 }
        return try runProcess(CLITests.binary, ["whoami"] + args, environment: environment)
    }

    func testUnknownProfileIsNamedFirst() throws {
        let explicit = try whoami(["--profile", "nosuch"], env: [:])
        XCTAssertEqual(explicit.status, 2)
        XCTAssertTrue(explicit.stderr.contains("--profile \"nosuch\": no such profile"), explicit.stderr)
        XCTAssertFalse(explicit.stderr.contains("no region") || explicit.stderr.contains("set AWS_PROFILE"), explicit.stderr)
        let variable = try whoami(["--region", "us-east-1"], env: ["AWS_PROFILE": "nosuch"])
        XCTAssertEqual(variable.status, 2)
        XCTAssertTrue(variable.stderr.contains("AWS_PROFILE=nosuch: no such profile"), variable.stderr)
    }

    func testRegionMustBeARegionCode() throws {
        let r = try whoami(["--profile", "real", "--region", "mars-1"], env: [:])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("--region \"mars-1\" is not an AWS region code"), r.stderr)
        let env = try whoami(["--profile", "real"], env: ["AWS_REGION": "us-east1"])
        XCTAssertEqual(env.status, 2)
        XCTAssertTrue(env.stderr.contains("did you mean 'us-east-1'?"), env.stderr)
        let none = try whoami(["--profile", "real"], env: [:])
        XCTAssertEqual(none.status, 2)
        XCTAssertTrue(none.stderr.contains("no region"), none.stderr)
    }
}

/// Shell completions (scripts/gen-docs.sh writes them with the man pages): file paths for PATH
/// arguments, directories for --protocols, rule ids and names for --ignore.
final class CompletionTests: XCTestCase {
    func testCompletionScripts() throws {
        let zsh = try runProcess(CLITests.binary, ["--generate-completion-script", "zsh"])
        XCTAssertEqual(zsh.status, 0)
        XCTAssertTrue(zsh.stdout.contains("'*:paths:_files'"), "PATH arguments complete files")
        XCTAssertTrue(zsh.stdout.contains(":dir:_files -/'"), "--protocols completes directories")
        let bash = try runProcess(CLITests.binary, ["--generate-completion-script", "bash"])
        XCTAssertEqual(bash.status, 0)
        let rules = try runProcess(CLITests.binary, ["rules"]).stdout.split(separator: "\n").compactMap { $0.split(separator: " ").first }
        XCTAssertGreaterThan(rules.count, 50)
        for id in rules {
            XCTAssertTrue(bash.stdout.contains("'\(id)'"), "--ignore completes \(id)")
            XCTAssertTrue(zsh.stdout.contains("'\(id)'"), "--ignore completes \(id)")
        }
        for shell in ["fish"] { XCTAssertEqual(try runProcess(CLITests.binary, ["--generate-completion-script", shell]).status, 0) }
    }
}
