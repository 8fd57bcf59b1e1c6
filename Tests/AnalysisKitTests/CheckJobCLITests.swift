import AWSClient
import AnalysisKit
import Foundation
import TestSupport
import XCTest

/// `bpctl check-job` through the binary: real blueprints from ../shared with submit/config pairs
/// written as the seed guide shows them, hand-made bad pairs named at their line:column, and
/// `--live` against moto.
final class CheckJobCLITests: XCTestCase {
    /// An analysis folder: a real blueprint, test_resources/submit.json and config.yaml.
    func analysis(_ blueprint: String, submit: String, config: String, schema: String? = nil, pipelineName: String? = nil) throws -> URL {
        let dir = try tempDir()
        var bp = try String(contentsOf: Harness.shared.appendingPathComponent("blueprints/\(blueprint)/stack_config_template.json"), encoding: .utf8)
        if let pipelineName {
            let re = try NSRegularExpression(pattern: #""PipelineName": "[^"]*""#)
            bp = re.stringByReplacingMatches(in: bp, range: NSRange(bp.startIndex..., in: bp), withTemplate: "\"PipelineName\": \"\(pipelineName)\"")
        }
        try write(bp, to: dir.appendingPathComponent("stack_config_template.json"))
        try write(submit, to: dir.appendingPathComponent("test_resources/submit.json"))
        try write(config, to: dir.appendingPathComponent("test_resources/config.yaml"))
        if let schema { try write(schema, to: dir.appendingPathComponent("config.schema.json")) }
        return dir
    }

    func submit(_ group: String, data: String = "inputs/data.zip", timestamp: String? = "debugging_identifier") -> String {
        """
        {
            "dataname": "\(group)/\(data)",
            "configname": "\(group)/configs/config.yaml"\(timestamp.map { ",\n    \"timestamp\": \"\($0)\"" } ?? "")
        }

        """
    }

    let goodConfig = "threshold: 0.5\n__duration__: 200\n__dataset_size__: 300\n"

    func checkJob(_ dir: URL, _ extra: [String] = [], env: [String: String] = [:]) throws -> Harness.Run {
        try Harness.run("bpctl", ["check-job"] + extra + ["test_resources/submit.json"], cwd: dir, env: env)
    }

    /// The seed guide's pair (dataname/configname under the group, __duration__ 200,
    /// __dataset_size__ 300) against real deployed blueprints: nothing to report.
    func testRealBlueprintsAcceptTheGuidesRequest() throws {
        for (bp, group) in [("contrib-templatestack", "traviscipermagroup"), ("dlc_dev_stack", "ctnncapdevdlcdevelop"),
                            ("epi_dev_stack", "cunninghamlabEPIdevelop")] {
            let dir = try analysis(bp, submit: submit(group), config: goodConfig)
            let r = try checkJob(dir)
            XCTAssertEqual(r.status, 0, "\(bp): \(r.all)")
            XCTAssertTrue(r.stdout.contains("0 errors, 0 warnings"), r.stdout)
        }
    }

    func testNonIntegerDurationNamedAtItsPosition() throws {
        let dir = try analysis("contrib-templatestack", submit: submit("traviscipermagroup"), config: "threshold: 0.5\n__duration__: 90.5\n")
        let r = try checkJob(dir)
        XCTAssertEqual(r.status, 1, r.all)
        XCTAssertTrue(r.stdout.contains("test_resources/config.yaml:2:15: error[BP406]: __duration__ 90.5 is not a whole number"), r.stdout)
    }

    func testDurationBeyondSSMTimeout() throws {
        let dir = try analysis("contrib-templatestack", submit: submit("traviscipermagroup"), config: "__duration__: 5000\n")
        let r = try checkJob(dir)
        XCTAssertEqual(r.status, 1, r.all)
        XCTAssertTrue(r.stdout.contains("test_resources/config.yaml:1:15: error[BP407]: __duration__ 5000 minutes is longer than SSM_TIMEOUT 172000 s"), r.stdout)
        XCTAssertTrue(r.stdout.contains("note: SSM_TIMEOUT at stack_config_template.json:"), "points at the blueprint setting too: \(r.stdout)")
    }

    func testMissingTimestamp() throws {
        let dir = try analysis("contrib-templatestack", submit: submit("traviscipermagroup", timestamp: nil), config: goodConfig)
        let r = try checkJob(dir)
        XCTAssertEqual(r.status, 1, r.all)
        XCTAssertTrue(r.stdout.contains("test_resources/submit.json:1:1: error[BP401]: submit.json has no 'timestamp'"), r.stdout)
    }

    func testDataOutsideTheGroupsPrefix() throws {
        let dir = try analysis("contrib-templatestack", submit: submit("traviscipermagroup", data: "data/x.zip"), config: goodConfig)
        let r = try checkJob(dir)
        XCTAssertEqual(r.status, 1, r.all)
        XCTAssertTrue(r.stdout.contains("test_resources/submit.json:2:17: error[BP405]: dataset 'traviscipermagroup/data/x.zip' is not under 'traviscipermagroup/inputs/'"), r.stdout)
        // --group names another group: both keys are outside it, and it is not an affiliate.
        let other = try checkJob(dir, ["--group", "intruders"])
        XCTAssertTrue(other.stdout.contains("group 'intruders' is not an affiliate of templatestack"), other.stdout)
    }

    func testConfigBreakingTheAnalysisSchema() throws {
        let schema = #"{"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object", "properties": {"threshold": {"type": "number", "maximum": 1, "description": "detection threshold, 0 to 1"}}}"#
        let dir = try analysis("contrib-templatestack", submit: submit("traviscipermagroup"), config: "threshold: 5\n__duration__: 60\n", schema: schema)
        let r = try checkJob(dir)
        XCTAssertEqual(r.status, 1, r.all)
        XCTAssertTrue(r.stdout.contains("test_resources/config.yaml:1:12: error[BP411]: threshold: "), r.stdout)
        XCTAssertTrue(r.stdout.contains("hint: detection threshold, 0 to 1"), r.stdout)
    }

    /// dlc_dev_stack: p3.2xlarge ($3.06/h in the bundled table), MAXCOST 100. 2000 minutes on
    /// one dataset is $102: the job alone does not fit.
    func testJobCostAgainstMAXCOST() throws {
        let dir = try analysis("dlc_dev_stack", submit: submit("ctnncapdevdlcdevelop"), config: "__duration__: 2000\n")
        let r = try checkJob(dir)
        XCTAssertEqual(r.status, 1, r.all)
        XCTAssertTrue(r.stdout.contains("test_resources/config.yaml:1:15: error[BP409]: this job may cost $102.00 (p3.2xlarge at $3.06/h × 2000 min × 1 dataset), not under MAXCOST $100.00"), r.stdout)
        XCTAssertTrue(r.stdout.contains("on-demand Linux price as of"), r.stdout)
        let fits = try analysis("dlc_dev_stack", submit: submit("ctnncapdevdlcdevelop"), config: "__duration__: 1900\n")
        XCTAssertEqual(try checkJob(fits).status, 0)
    }

    func testJSONAndGitHubFormats() throws {
        let dir = try analysis("contrib-templatestack", submit: submit("traviscipermagroup", timestamp: nil), config: "__duration__: \"60\"\n")
        let j = try checkJob(dir, ["--format", "json"])
        XCTAssertEqual(j.status, 1)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(j.stdout.utf8)) as? [String: Any])
        let diags = (json["files"] as? [[String: Any]] ?? []).flatMap { $0["diagnostics"] as? [[String: Any]] ?? [] }
        XCTAssertEqual(Set(diags.compactMap { $0["rule"] as? String }), ["BP401", "BP406"])
        let g = try checkJob(dir, ["--format", "github"])
        XCTAssertTrue(g.stdout.contains("::error file=test_resources/config.yaml,line=1,col=15"), g.stdout)
    }

    func testBadInputIsAUsageError() throws {
        let dir = try analysis("contrib-templatestack", submit: "{\"dataname\": \"x\",,}", config: goodConfig)
        let broken = try checkJob(dir)
        XCTAssertEqual(broken.status, 2, broken.all)
        XCTAssertTrue(broken.stdout.contains("test_resources/submit.json:1:18: error[BP000]"), broken.stdout)
        let missing = try Harness.run("bpctl", ["check-job", "nope.json"], cwd: dir)
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stdout.contains("nope.json:1:1: error[BP000]: cannot read the file: no such file"), missing.all)
        let noArgs = try Harness.run("bpctl", ["check-job"], cwd: dir)
        XCTAssertEqual(noArgs.status, 2)
        XCTAssertTrue(noArgs.stderr.contains("missing SUBMIT"), noArgs.stderr)
        let noBlueprint = try Harness.run("bpctl", ["check-job", "--blueprint", "absent.json", "test_resources/submit.json"], cwd: dir)
        XCTAssertEqual(noBlueprint.status, 2)
        XCTAssertFalse(noBlueprint.all.contains("Fatal error"), noBlueprint.all)
    }

    /// --live against moto: the data object is missing and the group's SSM budget is used up by
    /// past instance records; both are reported. Then the same job with data and budget passes.
    func testLiveReportsMissingDataAndExhaustedBudget() async throws {
        let server = try LocalServer.moto()
        defer { server.stop() }
        let client = Harness.client(server)
        let s3 = S3(client)
        // A bucket of its own: CI shares one moto server between tests (BPCTL_MOTO_PORT).
        let bucket = "templatestack-" + UUID().uuidString.prefix(8).lowercased(), group = "traviscipermagroup"
        try await s3.createBucket(bucket)
        try await s3.putObject(bucket: bucket, key: "\(group)/configs/config.yaml", body: Array(goodConfig.utf8))
        let start = Date(timeIntervalSince1970: 1_700_000_000)
        let record = InstanceRecord(group: group, instanceID: "i-0123456789abcdef0", price: 10, jobPath: "\(group)/results/job__\(bucket)_old",
                                    start: start, end: start.addingTimeInterval(7200))
        try await s3.putObject(bucket: bucket, key: "logs/\(group)/i-0123456789abcdef0.json", body: record.json())
        try await SSM(client).putParameter("/neurocaas/budgets/\(group)/\(bucket)", value: "15")

        let dir = try analysis("contrib-templatestack", submit: submit(group), config: goodConfig, pipelineName: bucket)
        let r = try checkJob(dir, ["--live"], env: Harness.motoEnv(server))
        XCTAssertEqual(r.status, 1, r.all)
        XCTAssertTrue(r.stdout.contains("test_resources/submit.json:2:17: error[BP420]: dataset 'traviscipermagroup/inputs/data.zip' does not exist in s3://\(bucket)"), r.stdout)
        XCTAssertTrue(r.stdout.contains("error[BP421]: budget exhausted: traviscipermagroup spent $20.00 on 1 instance"), r.stdout)
        XCTAssertTrue(r.stdout.contains("$15.00 (/neurocaas/budgets/traviscipermagroup/\(bucket))"), r.stdout)
        XCTAssertFalse(r.stdout.contains("BP420]: config"), "the config exists")

        // Without a local config, --live reads the one in the bucket (here: broken YAML → exit 2 at its position).
        try FileManager.default.removeItem(at: dir.appendingPathComponent("test_resources/config.yaml"))
        try await s3.putObject(bucket: bucket, key: "\(group)/configs/config.yaml", body: Array("a: [1, 2\n".utf8))
        let remote = try checkJob(dir, ["--live"], env: Harness.motoEnv(server))
        XCTAssertEqual(remote.status, 2, remote.all)
        XCTAssertTrue(remote.stdout.contains("s3://\(bucket)/traviscipermagroup/configs/config.yaml:"), remote.stdout)
        try await s3.putObject(bucket: bucket, key: "\(group)/configs/config.yaml", body: Array(goodConfig.utf8))

        try await s3.putObject(bucket: bucket, key: "\(group)/inputs/data.zip", body: [1, 2, 3])
        try await SSM(client).putParameter("/neurocaas/budgets/\(group)/\(bucket)", value: "1000")
        let ok = try checkJob(dir, ["--live"], env: Harness.motoEnv(server))
        XCTAssertEqual(ok.status, 0, ok.all)
        XCTAssertTrue(ok.stdout.contains("in 3 files"), "the config was read from the bucket: \(ok.stdout)")
    }

    /// AWS trouble with --live is one sentence and exit 1, not a trace.
    func testLiveWithoutReachableAWS() throws {
        let dir = try analysis("contrib-templatestack", submit: submit("traviscipermagroup"), config: goodConfig)
        let r = try checkJob(dir, ["--live"], env: ["AWS_ENDPOINT_URL": "http://127.0.0.1:\(LocalServer.freePort())", "AWS_ACCESS_KEY_ID": "x",
                                                   "AWS_SECRET_ACCESS_KEY": "y", "AWS_MAX_ATTEMPTS": "1"])
        XCTAssertEqual(r.status, 1, r.all)
        XCTAssertTrue(r.stderr.hasPrefix("bpctl: could not reach"), r.stderr)
    }
}
