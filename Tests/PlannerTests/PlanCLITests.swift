import AWSClient
import BlueprintKit
import Foundation
import PlanFixtures
import Planner
import TestSupport
import XCTest

/// `bpctl plan`, `show` and `diff` as users run them, against moto: exit codes, saved plans and
/// their staleness, drift, git revisions, and bad input as one sentence.
final class PlanCLITests: XCTestCase {
    nonisolated(unsafe) static var moto: LocalServer?
    override class func setUp() { super.setUp(); moto = try? LocalServer.moto() }
    override class func tearDown() { moto?.stop(); super.tearDown() }

    static let binary: URL = {
        var dir = Bundle(for: PlanCLITests.self).bundleURL
        while !FileManager.default.fileExists(atPath: dir.appendingPathComponent("bpctl").path), dir.path != "/" {
            dir = dir.deletingLastPathComponent()
        }
        return dir.appendingPathComponent("bpctl")
    }()

    func endpoint() throws -> String {
        guard let m = Self.moto else { throw XCTSkip("moto_server is not installed") }
        return m.endpoint
    }

    func client() throws -> AWSClient {
        AWSClient(environment: testEnvironment(endpoint: try endpoint()), region: "us-east-1", retry: RetryPolicy(maxAttempts: 1))
    }

    /// Run bpctl with only the test's AWS settings (never a real endpoint or the metadata address).
    func bpctl(_ args: [String], cwd: URL? = nil, endpoint: String? = nil, env: [String: String] = [:]) throws -> ProcessResult {
        var e = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "HOME": "/nonexistent-home",
                 "AWS_EC2_METADATA_DISABLED": "true", "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing",
                 "AWS_MAX_ATTEMPTS": "2"]
        e["AWS_ENDPOINT_URL"] = try endpoint ?? self.endpoint()
        e.merge(env) { $1 }
        return try runProcess(Self.binary, args, environment: e, directory: cwd)
    }

    func tempDir() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bpctl-plancli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return dir
    }

    func deployed(_ edit: (inout TestBlueprint) -> Void = { _ in }) async throws -> (TestBlueprint, String) {
        let base = TestBlueprint(pipeline: PlanScenarioTests.uniquePipeline())
        try await DeployedAnalysis.deploy(base, client: try client())
        var edited = base
        edit(&edited)
        return (base, try edited.write(to: try tempDir()))
    }

    func assertNoTrace(_ r: ProcessResult, file: StaticString = #filePath, line: UInt = #line) {
        for marker in ["Fatal error", "Stack dump", "Swift/", "0x0000"] {
            XCTAssertFalse(r.stderr.contains(marker) || r.stdout.contains(marker), "\(marker) in output: \(r.stderr)", file: file, line: line)
        }
        XCTAssertFalse(r.stderr.contains("testing\n"), file: file, line: line)
    }

    func testNoChangesExitZeroWithDetailedExitcode() async throws {
        let (_, path) = try await deployed()
        let r = try bpctl(["plan", path, "--detailed-exitcode"])
        // moto has no such AMI, which is an error check: exit 1 names it. With a real AMI: 0.
        XCTAssertTrue(r.stdout.contains("No changes."), r.stdout + r.stderr)
        XCTAssertTrue(r.stdout.contains("AMI ami-0123456789abcdef0 does not exist"), r.stdout)
        XCTAssertEqual(r.status, 1)
    }

    func testDetailedExitcodes() async throws {
        let c = try client()
        let ec2 = EC2(c)
        let images = try await ec2.describeImages(owners: ["amazon"])
        let image = try XCTUnwrap(images.first?.id)
        let base = TestBlueprint(pipeline: PlanScenarioTests.uniquePipeline(), ami: image)
        try await DeployedAnalysis.deploy(base, client: c)
        let dir = try tempDir()
        let same = try bpctl(["plan", try base.write(to: dir), "--detailed-exitcode"])
        XCTAssertEqual(same.status, 0, same.stdout + same.stderr)
        XCTAssertTrue(same.stdout.contains("No changes."))
        var edited = base
        edited.command = base.command.replacingOccurrences(of: "epi/run.sh", with: "epi/run2.sh")
        let changed = try bpctl(["plan", try edited.write(to: dir), "--detailed-exitcode"])
        XCTAssertEqual(changed.status, 2, changed.stdout + changed.stderr)
        // Summary first: counts, then the one-line list with a legend, then detail.
        let s = changed.stdout
        let counts = try XCTUnwrap(s.range(of: "Plan: 0 to create, 1 to update, 0 to replace, 0 to destroy."))
        let line = try XCTUnwrap(s.range(of: "  ~ function[\"MainLambda\"]\n"))
        let legend = try XCTUnwrap(s.range(of: "Symbols: ~ update in place"))
        let detail = try XCTUnwrap(s.range(of: "~ environment.COMMAND"))
        XCTAssertTrue(counts.lowerBound < line.lowerBound && line.lowerBound < legend.lowerBound && legend.lowerBound < detail.lowerBound, s)
        let plain = try bpctl(["plan", try edited.write(to: dir)])
        XCTAssertEqual(plain.status, 0, "without --detailed-exitcode changes are success")
    }

    func testSavedPlanStaleReasons() async throws {
        let git = try GitFixture()
        let base = TestBlueprint(pipeline: PlanScenarioTests.uniquePipeline())
        try await DeployedAnalysis.deploy(base, client: try client())
        try git.commit(["stack_config_template.json": base.json], message: "deployed")
        var edited = base
        edited.instanceType = "p3.2xlarge"
        try git.write("stack_config_template.json", edited.json)
        let planFile = git.path("plan.json")
        // The blueprint named relative to the repository, the plan shown from elsewhere.
        let saved = try bpctl(["plan", "stack_config_template.json", "-out", planFile], cwd: git.root)
        XCTAssertEqual(saved.status, 1, "the AMI check fails in moto; the plan is still saved")
        XCTAssertTrue(saved.stderr.contains("Saved the plan to"), saved.stderr)

        let current = try bpctl(["show", planFile], cwd: FileManager.default.temporaryDirectory)
        XCTAssertEqual(current.status, 0, current.stdout + current.stderr)
        XCTAssertTrue(current.stdout.contains("This plan is current."), current.stdout)
        XCTAssertTrue(current.stdout.contains("~ environment.INSTANCE_TYPE"), current.stdout)

        // A live value changed through the AWS API.
        let lambda = Lambda(try client())
        let fn = try await DeployedAnalysis.mainLambda(base.pipeline, client: try client())
        var env = try await lambda.getFunctionConfiguration(fn).environment
        env["COMMAND"] = "echo outside"
        _ = try await lambda.updateFunctionConfiguration(fn, environment: env)
        let live = try bpctl(["show", planFile], cwd: git.root)
        XCTAssertEqual(live.status, 1)
        XCTAssertTrue(live.stdout.contains("live fact \"function MainLambda\" changed: environment.COMMAND:"), live.stdout)
        XCTAssertTrue(live.stdout.contains("\"echo outside\""), live.stdout)

        // HEAD moved.
        let before = try git.git("rev-parse", "HEAD")
        let after = try git.commit(["README": "x"], message: "unrelated")
        try git.write("stack_config_template.json", edited.json)
        let moved = try bpctl(["show", planFile, "--offline"], cwd: git.root)
        XCTAssertEqual(moved.status, 0, "--offline does not check")
        let stale = try bpctl(["show", planFile], cwd: git.root)
        XCTAssertTrue(stale.stdout.contains("git HEAD moved from \(before.prefix(12)) to \(after.prefix(12))"), stale.stdout)

        // The blueprint edited.
        try git.write("stack_config_template.json", edited.json + " ")
        let edit = try bpctl(["show", planFile], cwd: git.root)
        XCTAssertEqual(edit.status, 1)
        XCTAssertTrue(edit.stdout.contains("stack_config_template.json was edited since the plan"), edit.stdout)
        assertNoTrace(edit)
    }

    func testDriftGoesToChangedOutsideBpctl() async throws {
        let git = try GitFixture()
        let base = TestBlueprint(pipeline: PlanScenarioTests.uniquePipeline())
        try await DeployedAnalysis.deploy(base, client: try client())
        try git.commit(["stack_config_template.json": base.json], message: "deployed")
        // AWS side: COMMAND changed outside bpctl. Blueprint side: a new AMI, not committed.
        let lambda = Lambda(try client())
        let fn = try await DeployedAnalysis.mainLambda(base.pipeline, client: try client())
        var env = try await lambda.getFunctionConfiguration(fn).environment
        env["COMMAND"] = "echo hotfix"
        _ = try await lambda.updateFunctionConfiguration(fn, environment: env)
        var edited = base
        edited.ami = "ami-0fedcba9876543210"
        try git.write("stack_config_template.json", edited.json)

        let r = try bpctl(["plan", git.path("stack_config_template.json"), "--json"], cwd: git.root)
        let plan = try Plan.decode(Data(r.stdout.utf8))
        let main = try XCTUnwrap(plan.changes.first { $0.address == "function[\"MainLambda\"]" })
        XCTAssertEqual(main.intended.map(\.name), ["environment.AMI"])
        XCTAssertEqual(main.drifted.map(\.name), ["environment.COMMAND"])
        XCTAssertEqual(plan.git?.committed, true)

        let text = try bpctl(["plan", git.path("stack_config_template.json")], cwd: git.root).stdout
        let section = try XCTUnwrap(text.range(of: "Changed outside bpctl"))
        let drift = String(text[section.lowerBound...])
        XCTAssertTrue(drift.contains("environment.COMMAND: the blueprint has"), drift)
        XCTAssertTrue(drift.contains("AWS has \"echo hotfix\""), drift)
        XCTAssertFalse(drift.contains("environment.AMI"), "a blueprint change is not drift")
        XCTAssertTrue(text[..<section.lowerBound].contains("~ environment.AMI"), text)

        // Committed but not deployed: AWS holds the older commit's AMI, so still the blueprint's.
        try git.commit(["stack_config_template.json": edited.json], message: "new AMI")
        let after = try bpctl(["plan", git.path("stack_config_template.json"), "--json"], cwd: git.root)
        let again = try XCTUnwrap(try Plan.decode(Data(after.stdout.utf8)).changes.first { $0.address == "function[\"MainLambda\"]" })
        XCTAssertEqual(again.intended.map(\.name), ["environment.AMI"])
        XCTAssertEqual(again.drifted.map(\.name), ["environment.COMMAND"])
    }

    func testRefreshFalseUsesSavedFacts() async throws {
        let (_, path) = try await deployed { $0.command = $0.command.replacingOccurrences(of: "epi/run.sh", with: "epi/run2.sh") }
        let planFile = try tempDir().appendingPathComponent("p.json").path
        _ = try bpctl(["plan", path, "-out", planFile])
        // No AWS reachable at all: the saved facts are enough.
        let offline = try bpctl(["plan", path, "--refresh=false", "--facts-from", planFile, "--json"], endpoint: "http://127.0.0.1:9")
        let plan = try Plan.decode(Data(offline.stdout.utf8))
        XCTAssertEqual(plan.actionable.map(\.address), ["function[\"MainLambda\"]"], offline.stderr)
        let none = try bpctl(["plan", path, "--refresh=false"])
        XCTAssertEqual(none.status, 2, "usage: --refresh=false needs a saved plan")
    }

    func testBadInputIsOneSentence() async throws {
        let missing = try bpctl(["plan", "/nonexistent/stack_config_template.json"])
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.stderr.contains("cannot read the file: no such file"), missing.stderr)
        assertNoTrace(missing)

        let broken = try tempDir().appendingPathComponent("b.json")
        try Data(TestBlueprint(pipeline: "Bad_Name").json.utf8).write(to: broken)
        let invalid = try bpctl(["plan", broken.path])
        XCTAssertEqual(invalid.status, 1)
        XCTAssertTrue(invalid.stderr.contains("a blueprint with errors is not planned"), invalid.stderr)
        XCTAssertTrue(invalid.stderr.contains("error[BP"), invalid.stderr)

        let (_, path) = try await deployed()
        let region = try bpctl(["plan", path, "--region", "eu-west-1"])
        XCTAssertEqual(region.status, 1)
        XCTAssertTrue(region.stderr.contains("no stack \"plan-"), region.stderr)
        XCTAssertTrue(region.stderr.contains("in eu-west-1, and the blueprint's REGION is us-east-1"), region.stderr)
        assertNoTrace(region)

        let throttle = try LocalServer.fake(["retry", "1000", "400", "Throttling"])
        defer { throttle.stop() }
        let throttled = try bpctl(["plan", path], endpoint: throttle.endpoint)
        XCTAssertEqual(throttled.status, 1)
        XCTAssertTrue(throttled.stderr.contains("AWS throttled the requests"), throttled.stderr)
        assertNoTrace(throttled)
    }

    /// moto checks signatures once /moto-api/reset-auth allows no unauthenticated calls.
    func testWrongCredentials() async throws {
        let (_, path) = try await deployed()
        guard let m = Self.moto else { throw XCTSkip("moto_server is not installed") }
        try m.request("POST", "/moto-api/reset-auth", body: "0")
        defer { _ = try? m.request("POST", "/moto-api/reset-auth", body: "inf") }
        let r = try bpctl(["plan", path], env: ["AWS_ACCESS_KEY_ID": "AKIANOTAREALKEY00000", "AWS_SECRET_ACCESS_KEY": "wrong-secret-value"])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("AWS does not know this access key"), r.stderr)
        XCTAssertFalse(r.stderr.contains("wrong-secret-value"))
        assertNoTrace(r)
    }

    func testLivePricingThroughAFake() async throws {
        // moto does not emulate the Price List API: a local fake answers GetProducts.
        let fake = try LocalServer.fakeScript("fake_pricing.py", ["t2.micro=0.0116000000,p3.2xlarge=3.0600000000"])
        defer { fake.stop() }
        let (_, path) = try await deployed { $0.instanceType = "p3.2xlarge" }
        let r = try bpctl(["plan", path, "--pricing", "live", "--json"], env: ["AWS_ENDPOINT_URL_PRICING": fake.endpoint])
        let plan = try Plan.decode(Data(r.stdout.utf8))
        XCTAssertEqual(plan.cost?.pricing, "live")
        XCTAssertEqual(plan.cost?.current.usdPerHour, 3.06)
        XCTAssertEqual(plan.cost?.previous?.usdPerHour, 0.0116)
        XCTAssertEqual(plan.cost?.current.asOf, "2026-11-01T00:00:00Z")
        let request = try fake.get("/")
        XCTAssertTrue(request.contains("\"regionCode\""), request)
        XCTAssertTrue(request.contains("\"Linux\""), request)
    }

    func testUnknownPriceSuggestsLivePricing() throws {
        let dir = try tempDir()
        var a = TestBlueprint(pipeline: "pricing-a")
        let old = try a.write(to: dir, name: "a.json")
        a.instanceType = "p5.48xlarge"
        let new = try a.write(to: dir, name: "b.json")
        let r = try bpctl(["diff", old, new])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("p5.48xlarge in us-east-1: price unknown"), r.stdout)
        XCTAssertTrue(r.stdout.contains("--pricing live"), r.stdout)
    }

    func testDiffBetweenGitRevisionsIncludingYAML() throws {
        let git = try GitFixture()
        let yaml = """
        PipelineName: dlc-tracking
        REGION: us-east-1
        STAGE: websubstack
        Lambda:
          CodeUri: ../../protocols
          Handler: submit_start.handler_develop
          LambdaConfig:
            AMI: ami-0123456789abcdef0
            INSTANCE_TYPE: p2.xlarge
            REGION: us-east-1
            COMMAND: echo one
        UXData:
          Affiliates:
            - AffiliateName: mathislab
              UserNames: [dana]
              UserInput: true
              ContactEmail: lab@example.org

        """
        var json = TestBlueprint(pipeline: "epi-analysis")
        try git.commit(["stacks/y/stack_config_template.yaml": yaml, "stacks/x/stack_config_template.json": json.json], message: "one")
        json.ami = "ami-0fedcba9876543210"
        try git.commit(["stacks/y/stack_config_template.yaml": yaml.replacingOccurrences(of: "[dana]", with: "[dana, eli]"),
                        "stacks/x/stack_config_template.json": json.json], message: "two")

        let y = try bpctl(["diff", "HEAD~1:stacks/y/stack_config_template.yaml", "HEAD:stacks/y/stack_config_template.yaml"], cwd: git.root)
        XCTAssertEqual(y.status, 0, y.stderr)
        XCTAssertTrue(y.stdout.contains("~ affiliate[\"mathislab\"]"), y.stdout)
        XCTAssertTrue(y.stdout.contains("[\"danaus-east-1\"] -> [\"danaus-east-1\", \"elius-east-1\"]"), y.stdout)

        let x = try bpctl(["diff", "HEAD~1:stacks/x/stack_config_template.json", "stacks/x/stack_config_template.json", "--format", "github"],
                          cwd: git.root)
        XCTAssertEqual(x.status, 0, x.stderr)
        let line = try git.read("stacks/x/stack_config_template.json").components(separatedBy: "\n")
            .firstIndex { $0.contains("\"AMI\"") }.map { $0 + 1 }
        XCTAssertTrue(x.stdout.contains("::notice file=stacks/x/stack_config_template.json,line=\(try XCTUnwrap(line)),"), x.stdout)
        XCTAssertTrue(x.stdout.contains("environment.AMI: \"ami-0123456789abcdef0\" -> \"ami-0fedcba9876543210\""), x.stdout)

        let json2 = try bpctl(["diff", "main~1:stacks/x/stack_config_template.json", "main:stacks/x/stack_config_template.json", "--format", "json"],
                              cwd: git.root)
        let plan = try Plan.decode(Data(json2.stdout.utf8))
        XCTAssertEqual(plan.kind, .diff)
        XCTAssertEqual(plan.actionable.map(\.address), ["function[\"MainLambda\"]"])

        let bad = try bpctl(["diff", "nosuchrev:stacks/x/stack_config_template.json", "stacks/x/stack_config_template.json"], cwd: git.root)
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stderr.contains("nosuchrev"), bad.stderr)
        assertNoTrace(bad)
    }
}
