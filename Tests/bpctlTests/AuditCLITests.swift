import Foundation
import TestSupport
import XCTest

/// `bpctl audit affiliates` as users and CI run it: formats, grouping, exit codes, bad input, --live.
final class AuditCLITests: XCTestCase {
    /// The runner and temp directories of CLITests, reached without inheriting its tests.
    struct CLI {
        let test: XCTestCase
        func bpctl(_ args: [String], env: [String: String] = [:]) throws -> CLITests.Run {
            var environment = ProcessInfo.processInfo.environment
            environment.merge(env) { $1 }
            let r = try runProcess(CLITests.binary, args, environment: environment, directory: CLITests.repo)
            return CLITests.Run(status: r.status, stdout: r.stdout, stderr: r.stderr)
        }
        func tempDir() throws -> URL {
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bpctl-audit-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            test.addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
            return dir
        }
    }
    var cli: CLI { CLI(test: self) }
    static let shared = CLITests.repo.deletingLastPathComponent().appendingPathComponent("shared/blueprints").path

    private func sharedTree() throws -> String {
        guard FileManager.default.fileExists(atPath: Self.shared) else { throw XCTSkip("../shared/blueprints is not present") }
        return Self.shared
    }

    func testTextTableGroupedByUserAndPipeline() throws {
        let tree = try sharedTree()
        let byUser = try cli.bpctl(["audit", "affiliates", tree])
        XCTAssertEqual(byUser.status, 0, byUser.stderr) // warnings and infos only, --fail-on error
        XCTAssertTrue(byUser.stdout.contains("cipermauser1us-east-1\n  PIPELINE"), byUser.stdout)
        XCTAssertNotNil(byUser.stdout.range(of: #"stack_config_template\.json:\d+:\d+: warning\[BP302\]: "#, options: .regularExpression))
        XCTAssertTrue(byUser.stdout.hasSuffix("(offline; --live also reads IAM)\n"), String(byUser.stdout.suffix(200)))
        let byPipeline = try cli.bpctl(["audit", "affiliates", "--by", "pipeline", tree])
        XCTAssertTrue(byPipeline.stdout.contains("caiman-ncap-web\n  USER"), byPipeline.stdout)
        XCTAssertEqual(try cli.bpctl(["audit", "affiliates", "--fail-on", "warning", tree]).status, 1)
        XCTAssertEqual(try cli.bpctl(["audit", "affiliates", "--fail-on", "never", tree]).status, 0)
    }

    func testMachineFormats() throws {
        let tree = try sharedTree()
        let json = try cli.bpctl(["audit", "affiliates", "--format", "json", tree])
        let doc = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(doc["format_version"] as? Int, 1)
        let findings = try XCTUnwrap(doc["findings"] as? [[String: Any]])
        XCTAssertEqual(findings.filter { $0["id"] as? String == "BP302" }.count, 9)
        XCTAssertTrue(findings.allSatisfy { ($0["location"] as? [String: Any])?["line"] is Int })

        let csv = try cli.bpctl(["audit", "affiliates", "--format", "csv", tree]).stdout
        let rows = csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        XCTAssertEqual(rows.first, "user,pipeline,affiliate,group,declared,group_count,user_exists,member,file,line,column,findings")
        XCTAssertTrue(rows.contains { $0.hasPrefix("taigaus-east-1,") && $0.contains("BP302") }, csv)

        let md = try cli.bpctl(["audit", "affiliates", "--format", "markdown", tree]).stdout
        XCTAssertTrue(md.hasPrefix("# Affiliate audit\n"))
        XCTAssertTrue(md.contains("| Pipeline | Affiliate | Group | Groups/10 | Where |"), md)

        let sarif = try cli.bpctl(["audit", "affiliates", "--format", "sarif", tree]).stdout
        let s = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any])
        let run = try XCTUnwrap((s["runs"] as? [[String: Any]])?.first)
        let results = try XCTUnwrap(run["results"] as? [[String: Any]])
        XCTAssertEqual(results.count, findings.count)
        XCTAssertTrue(results.allSatisfy { ($0["ruleId"] as? String)?.hasPrefix("BP3") == true })
    }

    func testBadInputExitsTwoWithoutAStackTrace() throws {
        let dir = try cli.tempDir()
        let stack = dir.appendingPathComponent("stack")
        try FileManager.default.createDirectory(at: stack, withIntermediateDirectories: true)
        try #"{"PipelineName": "x", "UXData": {"Affiliates": [}"#.write(to: stack.appendingPathComponent("stack_config_template.json"), atomically: true, encoding: .utf8)
        let broken = try cli.bpctl(["audit", "affiliates", dir.path])
        XCTAssertEqual(broken.status, 2)
        XCTAssertNotNil(broken.stderr.range(of: #"stack_config_template\.json:1:\d+: "#, options: .regularExpression), broken.stderr)

        for args in [["audit", "affiliates", "/no/such/dir"], ["audit", "affiliates", "--by", "group"],
                     ["audit", "affiliates", "--format", "xml"], ["audit", "affiliates", "--profile", "p", "."],
                     ["audit", "affiliates", "--live", "--max-key-age", "0", "."], ["audit", "affiliates", "--fail-on", "sometimes"]] {
            let r = try cli.bpctl(args)
            XCTAssertEqual(r.status, 2, "\(args): \(r.stderr)")
            XCTAssertFalse(r.stderr.isEmpty, "\(args)")
            XCTAssertFalse(r.stderr.contains("Fatal error") || r.stderr.contains("Stack dump"), r.stderr)
        }
    }

    func testListDescribesEveryFinding() throws {
        let r = try cli.bpctl(["audit", "affiliates", "--list"])
        XCTAssertEqual(r.status, 0)
        for id in ["BP301", "BP307", "BP310", "BP317"] { XCTAssertTrue(r.stdout.contains(id), id) }
    }

    /// --live against moto: a missing user is an error (exit 1) and no secret reaches the output.
    func testLiveAgainstMoto() throws {
        let moto = try LocalServer.moto()
        defer { moto.stop() }
        let dir = try cli.tempDir()
        let stack = dir.appendingPathComponent("stack")
        try FileManager.default.createDirectory(at: stack, withIntermediateDirectories: true)
        try #"{"PipelineName": "cli-live", "STAGE": "websubstack", "Lambda": {"LambdaConfig": {"REGION": "us-east-1"}}, "UXData": {"Affiliates": [{"AffiliateName": "lab", "UserNames": ["nobody"], "ContactEmail": "a@b.org"}]}}"#
            .write(to: stack.appendingPathComponent("stack_config_template.json"), atomically: true, encoding: .utf8)
        let env = ["AWS_ENDPOINT_URL": moto.endpoint, "AWS_ACCESS_KEY_ID": "AKIAAUDITTEST0000001", "AWS_SECRET_ACCESS_KEY": "audit-secret-value",
                   "AWS_EC2_METADATA_DISABLED": "true", "HOME": "/nonexistent"]
        let r = try cli.bpctl(["audit", "affiliates", "--live", "--format", "json", dir.path], env: env)
        XCTAssertEqual(r.status, 1, r.stderr)
        let doc = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let ids = (doc["findings"] as? [[String: Any]])?.compactMap { $0["id"] as? String }
        XCTAssertEqual(ids?.sorted(), ["BP310", "BP313"])
        XCTAssertFalse(r.stdout.contains("audit-secret-value") || r.stderr.contains("audit-secret-value"))

        // An endpoint that does not answer: one sentence, exit 1.
        let down = try cli.bpctl(["audit", "affiliates", "--live", dir.path],
                                 env: env.merging(["AWS_ENDPOINT_URL": "http://127.0.0.1:\(LocalServer.freePort())", "AWS_MAX_ATTEMPTS": "1"]) { $1 })
        XCTAssertEqual(down.status, 1)
        XCTAssertTrue(down.stderr.hasPrefix("bpctl: could not reach"), down.stderr)
    }
}
