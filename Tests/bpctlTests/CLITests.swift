import Foundation
import TestSupport
import XCTest

/// Runs the built `bpctl` binary the way CI and users do: exit codes, formats, bad input.
final class CLITests: XCTestCase {
    struct Run {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static let binary: URL = {
        // Test bundles live next to the products in .build/<triple>/<config>/.
        var dir = Bundle(for: CLITests.self).bundleURL
        while !FileManager.default.fileExists(atPath: dir.appendingPathComponent("bpctl").path), dir.path != "/" {
            dir = dir.deletingLastPathComponent()
        }
        return dir.appendingPathComponent("bpctl")
    }()

    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func bpctl(_ args: [String], cwd: URL? = nil, env: [String: String] = [:]) throws -> Run {
        var environment = ProcessInfo.processInfo.environment
        environment.merge(env) { $1 }
        let r = try runProcess(Self.binary, args, environment: environment, directory: cwd ?? Self.repo)
        return Run(status: r.status, stdout: r.stdout, stderr: r.stderr)
    }

    func tempDir() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bpctl-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return dir
    }

    func testCleanExamplesExitZero() throws {
        let r = try bpctl(["validate", "examples/clean", "examples/clean-yaml"])
        XCTAssertEqual(r.status, 0, r.stdout + r.stderr)
        XCTAssertTrue(r.stdout.contains("0 errors, 0 warnings"), r.stdout)
    }

    func testBrokenExampleExitsOneWithPositions() throws {
        let r = try bpctl(["validate", "examples/broken"])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stdout.contains("examples/broken/stack_config_template.json:"), r.stdout)
        XCTAssertNotNil(r.stdout.range(of: #"stack_config_template\.json:\d+:\d+: error\[BP\d{3}\]: "#, options: .regularExpression))
        XCTAssertTrue(r.stdout.contains("  hint: "))
        XCTAssertFalse(r.stdout.contains("\u{1B}["), "no colour when stdout is not a terminal")
    }

    func testFailOnThresholds() throws {
        // The clean example has infos only (BP125 skipped-check notice).
        XCTAssertEqual(try bpctl(["validate", "--fail-on", "info", "examples/clean"]).status, 1)
        XCTAssertEqual(try bpctl(["validate", "--fail-on", "warning", "examples/clean"]).status, 0)
        XCTAssertEqual(try bpctl(["validate", "--fail-on", "never", "examples/broken"]).status, 0)
    }

    func testJSONFormat() throws {
        let r = try bpctl(["validate", "--format", "json", "examples/broken"])
        XCTAssertEqual(r.status, 1)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(json["format_version"] as? String, "1")
        let files = try XCTUnwrap(json["files"] as? [[String: Any]])
        let diags = try XCTUnwrap(files.first?["diagnostics"] as? [[String: Any]])
        XCTAssertFalse(diags.isEmpty)
        for d in diags {
            for key in ["rule", "severity", "message", "hint", "line", "column", "pointer"] { XCTAssertTrue(d.keys.contains(key), key) }
        }
        let summary = try XCTUnwrap(json["summary"] as? [String: Int])
        XCTAssertEqual(summary["errors"], diags.filter { $0["severity"] as? String == "error" }.count)
    }

    func testSARIFFormat() throws {
        let r = try bpctl(["validate", "--format", "sarif", "examples/broken"])
        let sarif = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(sarif["version"] as? String, "2.1.0")
        let run = try XCTUnwrap((sarif["runs"] as? [[String: Any]])?.first)
        let rules = try XCTUnwrap(((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        let results = try XCTUnwrap(run["results"] as? [[String: Any]])
        XCTAssertFalse(results.isEmpty)
        for result in results {
            let index = try XCTUnwrap(result["ruleIndex"] as? Int)
            XCTAssertEqual(rules[index]["id"] as? String, result["ruleId"] as? String)
            XCTAssertTrue(["error", "warning", "note"].contains(result["level"] as? String ?? ""))
        }
    }

    func testGitHubFormat() throws {
        let r = try bpctl(["validate", "--format", "github", "examples/broken"])
        let lines = r.stdout.split(separator: "\n")
        XCTAssertTrue(lines.contains { $0.hasPrefix("::error file=examples/broken/stack_config_template.json,line=") })
        XCTAssertTrue(lines.allSatisfy { $0.hasPrefix("::") }, "one workflow command per line")
    }

    func testUsageErrorsExitTwo() throws {
        let bad = try bpctl(["validate", "--format", "xml", "examples"])
        XCTAssertEqual(bad.status, 2)
        let ignore = try bpctl(["validate", "--ignore", "BP13O", "examples/clean"])
        XCTAssertEqual(ignore.status, 2)
        XCTAssertTrue(ignore.stderr.contains("did you mean 'BP130'?"), ignore.stderr)
        let missing = try bpctl(["validate", "no/such/dir"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("PATH \"no/such/dir\": no such file or directory"), missing.stderr)
    }

    func testIgnoreSuppresses() throws {
        let before = try bpctl(["validate", "--format", "json", "examples/broken"])
        let after = try bpctl(["validate", "--format", "json", "--ignore", "BP131,template-leftover", "examples/broken"])
        XCTAssertTrue(before.stdout.contains("\"rule\": \"BP131\""))
        XCTAssertTrue(before.stdout.contains("\"rule\": \"BP105\""))
        XCTAssertFalse(after.stdout.contains("\"rule\": \"BP131\""))
        XCTAssertFalse(after.stdout.contains("\"rule\": \"BP105\""))
    }

    /// Malformed files: exit 2, one line naming file:line:col and the reason, never a trace.
    func testMalformedInputsExitTwo() throws {
        let dir = try tempDir()
        let cases: [(String, [UInt8], String)] = [
            ("empty.json", [], "empty.json:1:1: error[BP000]: the file is empty"),
            ("truncated.json", Array("{\"PipelineName\": \"a\", \"Lambda\": {".utf8), "truncated.json:1:34: error[BP000]: the file ends"),
            ("dup.json", Array("{\"a\": 1,\n \"a\": 2}".utf8), "dup.json:2:2: error[BP000]: duplicate key \"a\""),
            ("latin1.json", [0x7B, 0x22, 0xE9, 0x22, 0x3A, 0x31, 0x7D], "latin1.json:1:3: error[BP000]: the file is not valid UTF-8"),
            ("bad.yaml", Array("a: [1, 2\nb: 3\n".utf8), "bad.yaml:"),
            ("deep.json", Array((String(repeating: "[", count: 500) + String(repeating: "]", count: 500)).utf8), "deep.json:1:129: error[BP000]: nesting is deeper than 128 levels"),
            ("garbage.json", [0x00, 0x01, 0x02, 0xFF, 0x10], "garbage.json:1:4: error[BP000]: the file is not valid UTF-8"),
            ("array.json", Array("[1, 2]".utf8), "array.json:1:1: error[BP100]: a blueprint must be a JSON object"),
        ]
        for (name, bytes, expected) in cases {
            try Data(bytes).write(to: dir.appendingPathComponent(name))
            let r = try bpctl(["validate", name], cwd: dir)
            XCTAssertEqual(r.status, name == "array.json" ? 1 : 2, name)
            XCTAssertTrue(r.stdout.hasPrefix(expected), "\(name): \(r.stdout)")
            XCTAssertFalse(r.stderr.contains("Fatal error") || r.stdout.contains("Fatal error"), name)
        }
        let noBlueprints = try bpctl(["validate", "."], cwd: dir)
        XCTAssertEqual(noBlueprints.status, 2)
        XCTAssertTrue(noBlueprints.stderr.contains("no blueprints found"), noBlueprints.stderr)
    }

    func testRulesListsTheCatalog() throws {
        let r = try bpctl(["rules"])
        XCTAssertEqual(r.status, 0)
        XCTAssertTrue(r.stdout.contains("BP130  error    ami-id"), r.stdout)
        let md = try bpctl(["rules", "--markdown"])
        let committed = try String(contentsOf: Self.repo.appendingPathComponent("docs/rules.md"), encoding: .utf8)
        XCTAssertEqual(md.stdout, committed)
    }

    func testHelpDocumentsExitCodes() throws {
        let r = try bpctl(["validate", "--help"])
        XCTAssertEqual(r.status, 0)
        XCTAssertTrue(r.stdout.contains("Exit codes:"))
        XCTAssertTrue(r.stdout.contains("2  usage error"))
    }

    func testNoPathMeansCurrentDirectory() throws {
        let r = try bpctl(["validate"], cwd: Self.repo.appendingPathComponent("examples/clean"))
        XCTAssertEqual(r.status, 0, r.stdout + r.stderr)
        XCTAssertTrue(r.stdout.contains("in 1 file"), r.stdout)
    }

    func testSchemaCommandPrintsTheBundledSchema() throws {
        let r = try bpctl(["schema"])
        XCTAssertEqual(r.status, 0)
        let file = try String(contentsOf: Self.repo.appendingPathComponent("schemas/blueprint.schema.json"), encoding: .utf8)
        XCTAssertEqual(r.stdout, file)
    }

    /// Generic mode: any schema, any JSON/YAML files; 0 valid, 1 invalid, 2 broken schema.
    func testGenericSchemaValidation() throws {
        let dir = try tempDir()
        try Data(#"{"type": "object", "required": ["name"], "properties": {"name": {"type": "string"}, "n": {"type": "integer", "maximum": 3}}}"#.utf8)
            .write(to: dir.appendingPathComponent("s.json"))
        try Data(#"{"name": "x", "n": 2}"#.utf8).write(to: dir.appendingPathComponent("good.json"))
        try Data("name: y\nn: 7\n".utf8).write(to: dir.appendingPathComponent("bad.yaml"))
        try Data(##"{"type": "object", "properties": {"a": {"$ref": "#/$defs/none"}}}"##.utf8).write(to: dir.appendingPathComponent("broken.json"))
        let good = try bpctl(["validate", "--schema", "s.json", "--no-rules", "good.json"], cwd: dir)
        XCTAssertEqual(good.status, 0, good.stdout)
        let bad = try bpctl(["validate", "--schema", "s.json", "--no-rules", "good.json", "bad.yaml"], cwd: dir)
        XCTAssertEqual(bad.status, 1)
        XCTAssertTrue(bad.stdout.contains("bad.yaml:2:4: error[BP001]: n: the integer 7 is greater than the maximum 3"), bad.stdout)
        let broken = try bpctl(["validate", "--schema", "broken.json", "--no-rules", "good.json"], cwd: dir)
        XCTAssertEqual(broken.status, 2)
        XCTAssertTrue(broken.stdout.contains("broken.json:1:49: error[BP001]: cannot resolve $ref '#/$defs/none'"), broken.stdout)
        let missing = try bpctl(["validate", "--schema", "nope.json", "--no-rules", "good.json"], cwd: dir)
        XCTAssertEqual(missing.status, 2)
    }

    /// whoami against moto: account, source and masked key; never the secret.
    func testWhoAmIAgainstMoto() throws {
        let moto = try LocalServer.moto()
        defer { moto.stop() }
        let env = ["AWS_ENDPOINT_URL": moto.endpoint, "AWS_ACCESS_KEY_ID": "AKIAWHOAMITEST000001", "AWS_SECRET_ACCESS_KEY": "whoami-secret-value",
                   "AWS_REGION": "us-east-1", "AWS_EC2_METADATA_DISABLED": "true", "HOME": "/nonexistent"]
        let r = try bpctl(["whoami", "--json"], env: env)
        XCTAssertEqual(r.status, 0, r.stderr)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: String])
        XCTAssertEqual(json["account"], "123456789012")
        XCTAssertEqual(json["credential_source"], "environment")
        XCTAssertEqual(json["access_key"], "AKIA…0001")
        XCTAssertEqual(json["endpoint"], moto.endpoint)
        XCTAssertFalse(r.stdout.contains("whoami-secret-value") || r.stderr.contains("whoami-secret-value"))
        XCTAssertFalse(r.stdout.contains("\\/"), "no escaped slashes: \(r.stdout)")
        XCTAssertTrue(json["user_id"]?.contains("…") ?? false, "user_id masked like the key: \(json["user_id"] ?? "")")
        let text = try bpctl(["whoami"], env: env)
        XCTAssertTrue(text.stdout.contains("account      123456789012"), text.stdout)
    }

    func testWhoAmIWithoutCredentialsExplains() throws {
        let r = try bpctl(["whoami", "--region", "us-east-1"],
                          env: ["AWS_ACCESS_KEY_ID": "", "AWS_SECRET_ACCESS_KEY": "", "AWS_PROFILE": "", "HOME": "/nonexistent",
                                "AWS_EC2_METADATA_DISABLED": "true", "AWS_SHARED_CREDENTIALS_FILE": "", "AWS_CONFIG_FILE": ""])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.hasPrefix("bpctl: no credentials found"), r.stderr)
    }
}
