import Foundation
import TestSupport
import XCTest

/// examples/ci and .pre-commit-hooks.yaml: the hook definitions parse and name real commands,
/// and the GitHub Actions workflow's bpctl steps run as written against a git history.
final class CIExamplesTests: XCTestCase {
    /// YAML → JSON through python3 + PyYAML (CI installs it), so the files are read by a real
    /// YAML parser, as pre-commit and GitHub read them.
    func load(_ path: String) throws -> Any {
        let r = try runProcess(URL(fileURLWithPath: "/usr/bin/env"),
                               ["python3", "-c", "import json, sys, yaml; print(json.dumps(yaml.safe_load(open(sys.argv[1]))))",
                                CLITests.repo.appendingPathComponent(path).path])
        XCTAssertEqual(r.status, 0, "python3 with PyYAML is required: \(r.stderr)")
        return try JSONSerialization.jsonObject(with: Data(r.stdout.utf8))
    }

    func subcommands() throws -> Set<String> {
        let help = try runProcess(CLITests.binary, ["--help"]).stdout
        let section = help.components(separatedBy: "SUBCOMMANDS:").last ?? ""
        return Set(section.split(separator: "\n").filter { $0.hasPrefix("  ") && !$0.hasPrefix("   ") }
            .compactMap { $0.split(separator: " ").first.map(String.init) })
    }

    func testPreCommitHooksParseAndNameRealCommands() throws {
        let hooks = try XCTUnwrap(try load(".pre-commit-hooks.yaml") as? [[String: Any]])
        XCTAssertEqual(Set(hooks.compactMap { $0["id"] as? String }), ["bpctl-validate", "bpctl-fmt"])
        let available = try subcommands()
        var pending: [String] = []
        for hook in hooks {
            let id = try XCTUnwrap(hook["id"] as? String)
            for key in ["name", "entry", "language", "files"] { XCTAssertNotNil(hook[key] as? String, "\(id) \(key)") }
            let entry = (hook["entry"] as? String ?? "").split(separator: " ").map(String.init)
            XCTAssertEqual(entry.first, "bpctl", id)
            let files = try NSRegularExpression(pattern: hook["files"] as? String ?? "")
            for (path, matches) in [("stack_config_template.json", true), ("a/b/stack_config_template.yml", true),
                                    ("stack_config_template.yaml", true), ("other.json", false), ("a/stack_config_template.json.bak", false)] {
                XCTAssertEqual(files.firstMatch(in: path, range: NSRange(path.startIndex..., in: path)) != nil, matches, "\(id) files vs \(path)")
            }
            guard entry.count > 1, available.contains(entry[1]) else { pending.append("\(id): bpctl \(entry.dropFirst().first ?? "")"); continue }
            // The entry's flags parse: pre-commit appends file names, so give it one.
            let r = try runProcess(CLITests.binary, Array(entry.dropFirst()) + ["examples/clean/stack_config_template.json"],
                                   directory: CLITests.repo)
            XCTAssertNotEqual(r.status, 2, "\(id): \(r.stderr)")
        }
        XCTAssertEqual(pending, [], "hooks naming commands bpctl does not have")
        let sample = try XCTUnwrap(try load("examples/ci/.pre-commit-config.yaml") as? [String: Any])
        let used = ((sample["repos"] as? [[String: Any]])?.first?["hooks"] as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []
        XCTAssertEqual(Set(used), Set(hooks.compactMap { $0["id"] as? String }), "the sample uses the hooks that exist")
    }

    func testWorkflowStepsRunAsWritten() throws {
        let workflow = try XCTUnwrap(try load("examples/ci/blueprints.yml") as? [String: Any])
        let steps = try XCTUnwrap(((workflow["jobs"] as? [String: Any])?["validate"] as? [String: Any])?["steps"] as? [[String: Any]])
        XCTAssertTrue(steps.contains { ($0["uses"] as? String)?.hasPrefix("github/codeql-action/upload-sarif") ?? false })
        func script(_ id: String? = nil, named name: String? = nil) throws -> [String: Any] {
            try XCTUnwrap(steps.first { ($0["id"] as? String) == id && id != nil || ($0["name"] as? String) == name && name != nil })
        }

        // A repository of blueprints: a base commit, then a PR that breaks one and adds one.
        let repo = FileManager.default.temporaryDirectory.appendingPathComponent("bpctl-ci-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: repo) }
        let clean = try Data(contentsOf: CLITests.repo.appendingPathComponent("examples/clean/stack_config_template.json"))
        let broken = try Data(contentsOf: CLITests.repo.appendingPathComponent("examples/broken/stack_config_template.json"))
        for dir in ["a", "b", "c"] { try FileManager.default.createDirectory(at: repo.appendingPathComponent(dir), withIntermediateDirectories: true) }
        try clean.write(to: repo.appendingPathComponent("a/stack_config_template.json"))
        try clean.write(to: repo.appendingPathComponent("b/stack_config_template.json"))
        func sh(_ command: String, env: [String: String] = [:]) throws -> ProcessResult {
            var environment = ProcessInfo.processInfo.environment
            environment["PATH"] = CLITests.binary.deletingLastPathComponent().path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
            environment.merge(env) { $1 }
            return try runProcess(URL(fileURLWithPath: "/bin/bash"), ["-e", "-c", command], environment: environment, directory: repo)
        }
        let identity = "-c user.name=ci -c user.email=ci@example.org"
        XCTAssertEqual(try sh("git init -q . && git add -A && git \(identity) commit -qm base").status, 0)
        let base = try sh("git rev-parse HEAD").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try broken.write(to: repo.appendingPathComponent("b/stack_config_template.json"))
        try clean.write(to: repo.appendingPathComponent("c/stack_config_template.json"))
        XCTAssertEqual(try sh("git add -A && git \(identity) commit -qm change").status, 0)

        let output = repo.appendingPathComponent("github_output")
        let changed = try sh(try XCTUnwrap(try script("changed")["run"] as? String),
                             env: ["BASE": base, "GITHUB_OUTPUT": output.path])
        XCTAssertEqual(changed.status, 0, changed.stderr)
        XCTAssertEqual(try String(contentsOf: output, encoding: .utf8), "count=2\n")

        let annotations = try sh(try XCTUnwrap(try script(named: "Validate (annotations)")["run"] as? String))
        XCTAssertEqual(annotations.status, 123, "xargs reports bpctl's exit 1 as 123: \(annotations.stderr)")
        XCTAssertTrue(annotations.stdout.contains("::error file=b/stack_config_template.json,line="), annotations.stdout)
        XCTAssertFalse(annotations.stdout.contains("file=a/"), "only changed blueprints")

        let sarif = try sh(try XCTUnwrap(try script(named: "Validate (SARIF)")["run"] as? String))
        XCTAssertEqual(sarif.status, 0, sarif.stderr)
        let log = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: repo.appendingPathComponent("bpctl.sarif"))) as? [String: Any])
        let results = ((log["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]]) ?? []
        XCTAssertFalse(results.isEmpty)
        let uris = Set(results.compactMap { (((($0["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["artifactLocation"] as? [String: Any])?["uri"] as? String) })
        XCTAssertTrue(uris.contains("b/stack_config_template.json"), "\(uris)")
    }
}
