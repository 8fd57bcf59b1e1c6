import AnalysisKit
import BlueprintKit
import Foundation
import TestSupport
import XCTest

/// `bpctl init` and `neurocaas-contrib init` / `describe-analyses` / `get-blueprint`.
final class InitTests: XCTestCase {
    /// Every file under a folder with its bytes and permissions, to show "nothing changed".
    func snapshot(_ dir: URL) throws -> [String: String] {
        var out: [String: String] = [:]
        let e = FileManager.default.enumerator(atPath: dir.path)
        while let rel = e?.nextObject() as? String {
            let p = dir.appendingPathComponent(rel).path
            let attrs = try FileManager.default.attributesOfItem(atPath: p)
            let data = FileManager.default.contents(atPath: p).map { String(decoding: $0, as: UTF8.self) } ?? "<dir>"
            out[rel] = "\(attrs[.posixPermissions] ?? 0)|\((attrs[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0)|\(data)"
        }
        return out
    }

    func testInitThenValidateHasNoErrorsOrWarnings() throws {
        let root = try tempDir()
        let r = try Harness.run("bpctl", ["init", "spike-sorter", "--ami", "ami-0123456789abcdef0", "--affiliate", "cunninghamlab",
                                          "--user", "alice", "--user", "debuggers:carol", "--instance-type", "p3.2xlarge"], cwd: root)
        XCTAssertEqual(r.status, 0, r.all)
        XCTAssertFalse(r.stdout.contains("placeholder"), r.stdout)
        let v = try Harness.run("bpctl", ["validate", "--fail-on", "warning", "spike-sorter"], cwd: root)
        XCTAssertEqual(v.status, 0, v.all)
        XCTAssertTrue(v.stdout.contains("0 errors, 0 warnings"), v.stdout)
        // The sample request in test_resources passes check-job against the new blueprint and schema.
        let c = try Harness.run("bpctl", ["check-job", "--fail-on", "warning", "--blueprint", "spike-sorter/stack_config_template.json",
                                          "spike-sorter/test_resources/submit.json"], cwd: root)
        XCTAssertEqual(c.status, 0, c.all)
        XCTAssertTrue(c.stdout.contains("in 3 files"), "submit, config and blueprint were all read: \(c.stdout)")
        let bp = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: root.appendingPathComponent("spike-sorter/stack_config_template.json"))) as? [String: Any])
        let affiliates = (bp["UXData"] as? [String: Any])?["Affiliates"] as? [[String: Any]] ?? []
        XCTAssertEqual(affiliates.map { $0["AffiliateName"] as? String }, ["cunninghamlab", "debuggers"])
        XCTAssertEqual(affiliates.map { $0["UserNames"] as? [String] ?? [] }, [["alice"], ["carol"]])
        let run = root.appendingPathComponent("spike-sorter/run.sh").path
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: run))
        XCTAssertEqual(try runProcess(URL(fileURLWithPath: "/bin/bash"), ["-n", run]).status, 0, "run.sh is valid bash")
        XCTAssertTrue(try String(contentsOfFile: run, encoding: .utf8).contains("neurocaas-contrib workflow get-data"))
    }

    func testPlaceholderAMIIsExactlyWhatValidateReports() throws {
        let root = try tempDir()
        let r = try Harness.run("bpctl", ["init", "spike-sorter"], cwd: root)
        XCTAssertEqual(r.status, 0, r.all)
        XCTAssertTrue(r.stdout.contains("The AMI is a placeholder"), r.stdout)
        let v = try Harness.run("bpctl", ["validate", "--format", "json", "spike-sorter"], cwd: root)
        XCTAssertEqual(v.status, 1, v.all)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(v.stdout.utf8)) as? [String: Any])
        let diags = (json["files"] as? [[String: Any]] ?? []).flatMap { $0["diagnostics"] as? [[String: Any]] ?? [] }
            .filter { $0["severity"] as? String != "info" }
        XCTAssertEqual(diags.count, 1, "\(diags)")
        XCTAssertEqual(diags.first?["rule"] as? String, "BP105")
        XCTAssertEqual(diags.first?["pointer"] as? String, "/Lambda/LambdaConfig/AMI")
        XCTAssertTrue((diags.first?["message"] as? String ?? "").contains("your ami here"))
    }

    func testInitTwiceRefusesAndChangesNothing() throws {
        let root = try tempDir()
        XCTAssertEqual(try Harness.run("bpctl", ["init", "spike-sorter", "--ami", "ami-0123456789abcdef0"], cwd: root).status, 0)
        let before = try snapshot(root)
        XCTAssertEqual(before.count, 7, "\(before.keys.sorted())") // the folder, test_resources/ and 5 files
        let again = try Harness.run("bpctl", ["init", "spike-sorter", "--ami", "ami-0fedcba9876543210", "--stage", "develop"], cwd: root)
        XCTAssertEqual(again.status, 1, again.all)
        XCTAssertTrue(again.stderr.contains("stack_config_template.json already exists; init changes nothing"), again.stderr)
        XCTAssertEqual(try snapshot(root), before)
    }

    func testBadValuesAreUsageErrorsAndWriteNothing() throws {
        let root = try tempDir()
        let bad = try Harness.run("bpctl", ["init", "Spike_Sorter"], cwd: root)
        XCTAssertEqual(bad.status, 2, bad.all)
        XCTAssertTrue(bad.stdout.contains("error[BP111]"), bad.stdout)
        XCTAssertTrue(bad.stderr.contains("nothing was written"), bad.stderr)
        let stage = try Harness.run("bpctl", ["init", "spike-sorter", "--stage", "prod"], cwd: root)
        XCTAssertEqual(stage.status, 2, stage.all)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root.path), [])
        let loc = try Harness.run("bpctl", ["init", "spike-sorter", "--location", root.appendingPathComponent("absent").path], cwd: root)
        XCTAssertEqual(loc.status, 2, loc.all)
        XCTAssertTrue(loc.stderr.contains("is not a directory"), loc.stderr)
        XCTAssertEqual(try Harness.run("bpctl", ["init", "a/b"], cwd: root).status, 1)
    }

    /// No prompt without a terminal: the defaults are used and nothing waits for input.
    func testNoPromptWithoutATerminal() throws {
        let root = try tempDir()
        let r = try Harness.run("bpctl", ["init", "spike-sorter"], cwd: root)
        XCTAssertEqual(r.status, 0, r.all)
        for q in ["Stage [", "Ami [", "Instance Type ["] { XCTAssertFalse(r.stdout.contains(q), r.stdout) }
        let bp = try String(contentsOf: root.appendingPathComponent("spike-sorter/stack_config_template.json"), encoding: .utf8)
        XCTAssertTrue(bp.contains("\"STAGE\": \"websubstack\"") && bp.contains("\"INSTANCE_TYPE\": \"t2.micro\""), bp)
    }

    func testPromptFillsOnlyWhatIsMissing() {
        var o = ScaffoldOptions(name: "spike-sorter", stage: "develop")
        var asked: [String] = []
        o.prompt { q, d in asked.append(q); return q == "Ami" ? "ami-0123456789abcdef0" : "" }
        XCTAssertEqual(asked, ["Analysis Name", "Ami", "Instance Type"])
        XCTAssertEqual(o.ami, "ami-0123456789abcdef0")
        XCTAssertEqual(o.stage, "develop")
        XCTAssertEqual(o.instanceType, ScaffoldOptions.defaultInstanceType)
    }

    func testContribInitDescribeAndGetBlueprint() throws {
        let home = try tempDir(), loc = try tempDir()
        let env = ["HOME": home.path]
        // No terminal and no --yes: declined, nothing written, not even the config file.
        let declined = try Harness.run("neurocaas-contrib", ["init", "--location", loc.path, "--analysis-name", "myanalysis"], env: env)
        XCTAssertEqual(declined.status, 1, declined.all)
        XCTAssertTrue(declined.stdout.contains("Not creating analysis folder at this location."), declined.stdout)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: loc.path), [])
        XCTAssertFalse(FileManager.default.fileExists(atPath: home.appendingPathComponent(".neurocaas_contrib_config.json").path))

        let created = try Harness.run("neurocaas-contrib", ["init", "--location", loc.path, "--analysis-name", "myanalysis", "--yes",
                                                            "--pipeline-name", "mypipe", "--ami", "ami-0123456789abcdef0"], env: env)
        XCTAssertEqual(created.status, 0, created.all)
        let config = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: home.appendingPathComponent(".neurocaas_contrib_config.json"))) as? [String: Any])
        XCTAssertEqual(config["analysis_name"] as? String, "myanalysis")
        XCTAssertEqual(config["location"] as? String, loc.path)
        XCTAssertTrue(config["develop_dict"] is NSNull)
        XCTAssertEqual(try Harness.run("bpctl", ["validate", loc.appendingPathComponent("myanalysis").path]).status, 0)

        try FileManager.default.createDirectory(at: loc.appendingPathComponent("other"), withIntermediateDirectories: true)
        let list = try Harness.run("neurocaas-contrib", ["describe-analyses"], env: env)
        XCTAssertEqual(list.status, 0, list.all)
        XCTAssertEqual(list.stdout, "\nNeuroCAAS Analyses Available for Development: \n\nmyanalysis*\nother\n")

        let bp = try Harness.run("neurocaas-contrib", ["get-blueprint"], env: env)
        XCTAssertEqual(bp.status, 0, bp.all)
        XCTAssertTrue(bp.stdout.hasPrefix("{\n  \"PipelineName\": \"mypipe\",\n  \"REGION\""), bp.stdout)
        let printed = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(bp.stdout.utf8)) as? NSDictionary)
        let onDisk = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: loc.appendingPathComponent("myanalysis/stack_config_template.json"))) as? NSDictionary)
        XCTAssertEqual(printed, onDisk)

        // Existing folder with blueprint: selected, nothing rewritten.
        let before = try snapshot(loc)
        let again = try Harness.run("neurocaas-contrib", ["init", "--analysis-name", "myanalysis"], env: env)
        XCTAssertEqual(again.status, 0, again.all)
        XCTAssertTrue(again.stdout.contains("is now the current analysis"), again.stdout)
        XCTAssertEqual(try snapshot(loc), before)
    }

    func testContribBadInput() throws {
        let home = try tempDir()
        let noName = try Harness.run("neurocaas-contrib", ["init"], env: ["HOME": home.path])
        XCTAssertEqual(noName.status, 2, noName.all)
        XCTAssertTrue(noName.stderr.contains("--analysis-name"), noName.stderr)
        let badLoc = try Harness.run("neurocaas-contrib", ["init", "--location", "/nonexistent/x", "--analysis-name", "a"], env: ["HOME": home.path])
        XCTAssertEqual(badLoc.status, 2, badLoc.all)
        let noConfig = try Harness.run("neurocaas-contrib", ["get-blueprint"], env: ["HOME": home.path])
        XCTAssertEqual(noConfig.status, 1, noConfig.all)
        XCTAssertTrue(noConfig.stderr.contains("Configuration file not found"), noConfig.stderr)
    }
}
