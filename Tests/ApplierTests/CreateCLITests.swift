import AWSClient
import Foundation
import PlanFixtures
import TestSupport
import XCTest

/// `bpctl apply` of a new analysis through the binary against moto: the artifact bucket from
/// `.bpctl.yaml` (which `bpctl validate` still accepts), a reviewed change set, and the plan
/// afterwards empty.
final class CreateCLITests: XCTestCase {
    nonisolated(unsafe) static var moto: LocalServer?
    override class func setUp() { super.setUp(); moto = try? LocalServer.moto() }
    override class func tearDown() { moto?.stop(); super.tearDown() }

    func testCreateWithArtifactBucketFromConfigAndChangeSetReview() async throws {
        guard let moto = Self.moto else { throw XCTSkip("moto_server is not installed") }
        let client = AWSClient(environment: testEnvironment(endpoint: moto.endpoint), region: "us-east-1", retry: RetryPolicy(maxAttempts: 1))
        var bp = TestBlueprint(pipeline: "clicreate-" + UUID().uuidString.prefix(8).lowercased())
        bp.ami = try await EC2(client).describeImages(owners: ["amazon"]).map(\.id).first ?? bp.ami
        bp.instanceType = "t2.micro"
        bp.affiliates = [("cunninghamlab", ["alice"])]
        if try await IAM(client).getUser("aliceus-east-1") == nil { try await IAM(client).createUser("aliceus-east-1") }
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("bpctl-createcli-\(UUID().uuidString)")
        let dir = root.appendingPathComponent("ncap_iac/ncap_blueprints/\(bp.pipeline)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("ncap_iac/protocols"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: root) }
        try Data("def handler_develop(e, c):\n    pass\n".utf8).write(to: root.appendingPathComponent("ncap_iac/protocols/submit_start.py"))
        _ = try bp.write(to: dir)

        let missing = try runBpctl(["apply", "--auto-approve", "--poll-interval", "0.05"], cwd: dir, endpoint: moto.endpoint)
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.stderr.contains("artifact_bucket"), missing.stderr)

        let bucket = "artifacts-" + bp.pipeline
        try await S3(client).createBucket(bucket)
        try Data("artifact_bucket: \(bucket)\n".utf8).write(to: root.appendingPathComponent(".bpctl.yaml"))
        XCTAssertEqual(try runBpctl(["validate", "stack_config_template.json"], cwd: dir, endpoint: moto.endpoint).status, 0,
                       "validate accepts artifact_bucket in .bpctl.yaml")

        let declined = try runBpctl(["apply", "--change-set", "--poll-interval", "0.05"], input: "yes\nno\n", cwd: dir, endpoint: moto.endpoint)
        XCTAssertEqual(declined.status, 1)
        XCTAssertTrue(declined.stderr.contains("+ MainLambda (AWS::Lambda::Function): add"), declined.stderr)
        XCTAssertTrue(declined.stderr.contains("was not approved"), declined.stderr)

        let approved = try runBpctl(["apply", "--change-set", "--poll-interval", "0.05", "--resume"], input: "yes\nyes\n", cwd: dir, endpoint: moto.endpoint)
        XCTAssertEqual(approved.status, 0, approved.stderr)
        XCTAssertTrue(approved.stderr.contains("create stack \(bp.pipeline): done"), approved.stderr)
        let again = try runBpctl(["plan", "stack_config_template.json", "--detailed-exitcode"], cwd: dir, endpoint: moto.endpoint)
        XCTAssertEqual(again.status, 0, "no changes after the create: \(again.stdout)\(again.stderr)")
    }
}
