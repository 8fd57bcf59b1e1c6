import AWSClient
import Foundation
import PlanFixtures
import TestSupport
import XCTest

/// `bpctl apply` through the binary against moto: the confirmation, a saved plan applied, a
/// stale saved plan refused with its reason.
final class ApplyCLITests: XCTestCase {
    nonisolated(unsafe) static var moto: LocalServer?
    override class func setUp() { super.setUp(); moto = try? LocalServer.moto() }
    override class func tearDown() { moto?.stop(); super.tearDown() }

    func testConfirmationSavedPlanAndStalePlan() async throws {
        guard let moto = Self.moto else { throw XCTSkip("moto_server is not installed") }
        let client = AWSClient(environment: testEnvironment(endpoint: moto.endpoint), region: "us-east-1", retry: RetryPolicy(maxAttempts: 1))
        let images = try await EC2(client).describeImages(owners: ["amazon"]).map(\.id)
        guard images.count >= 2 else { throw XCTSkip("moto ships fewer than two images") }
        var base = TestBlueprint(pipeline: "cli-" + UUID().uuidString.prefix(8).lowercased())
        base.ami = images[0]
        base.instanceType = "t2.micro"
        try await DeployedAnalysis.deploy(base, client: client)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bpctl-applycli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        var edited = base
        edited.ami = images[1]
        _ = try edited.write(to: dir)

        let declined = try runBpctl(["apply", "--poll-interval", "0.05"], input: "no\n", cwd: dir, endpoint: moto.endpoint)
        XCTAssertEqual(declined.status, 1)
        XCTAssertTrue(declined.stdout.contains(images[1]), declined.stdout)
        XCTAssertTrue(declined.stderr.contains("Apply cancelled."), declined.stderr)

        // A saved plan, made stale by an edit, is refused with the reason.
        let plan = try runBpctl(["plan", "stack_config_template.json", "-out", "ami.plan"], cwd: dir, endpoint: moto.endpoint)
        XCTAssertEqual(plan.status, 0, plan.stderr)
        let blueprint = dir.appendingPathComponent("stack_config_template.json")
        let original = try String(contentsOf: blueprint, encoding: .utf8)
        try (original + " ").write(to: blueprint, atomically: true, encoding: .utf8)
        let stale = try runBpctl(["apply", "ami.plan"], cwd: dir, endpoint: moto.endpoint)
        XCTAssertEqual(stale.status, 1)
        XCTAssertTrue(stale.stderr.contains("is stale") && stale.stderr.contains("was edited since the plan"), stale.stderr)
        try original.write(to: blueprint, atomically: true, encoding: .utf8)

        let applied = try runBpctl(["apply", "ami.plan", "--poll-interval", "0.05"], cwd: dir, endpoint: moto.endpoint)
        XCTAssertEqual(applied.status, 0, applied.stderr)
        XCTAssertTrue(applied.stdout.contains("Apply complete: 1 step done."), applied.stdout)
        XCTAssertTrue(applied.stderr.contains("[1/1] update stack \(base.pipeline) (MainLambda.AMI)"), applied.stderr)
        let function = try await DeployedAnalysis.mainLambda(base.pipeline, client: client)
        let env = try await Lambda(client).getFunctionConfiguration(function).environment
        XCTAssertEqual(env["AMI"], images[1])
        let again = try runBpctl(["apply", "--auto-approve"], cwd: dir, endpoint: moto.endpoint)
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertFalse(again.stdout.contains("Apply complete"), "nothing left to do: \(again.stdout)")

        // --json: a document on stdout; without a plan file or --auto-approve it is a usage error.
        XCTAssertEqual(try runBpctl(["apply", "--json"], cwd: dir, endpoint: moto.endpoint).status, 2)
        edited.ami = images[0]
        _ = try edited.write(to: dir)
        let viaJSON = try runBpctl(["apply", "--json", "--auto-approve", "--poll-interval", "0.05"], cwd: dir, endpoint: moto.endpoint)
        XCTAssertEqual(viaJSON.status, 0, viaJSON.stderr)
        let doc = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(viaJSON.stdout.utf8)) as? [String: Any], viaJSON.stdout)
        XCTAssertEqual(doc["complete"] as? Bool, true)
        XCTAssertEqual((doc["steps"] as? [[String: String]])?.map { $0["status"] }, ["done"])
    }
}
