import AWSClient
import Foundation
import PlanFixtures
import Planner
import TestSupport
import XCTest

/// A deployed analysis in moto, and blueprints that differ from it in one thing each: the plan
/// names exactly that change and nothing else.
final class PlanScenarioTests: XCTestCase {
    nonisolated(unsafe) static var moto: LocalServer?
    override class func setUp() { super.setUp(); moto = try? LocalServer.moto() }
    override class func tearDown() { moto?.stop(); super.tearDown() }

    func client() throws -> AWSClient {
        guard let m = Self.moto else { throw XCTSkip("moto_server is not installed") }
        return AWSClient(environment: testEnvironment(endpoint: m.endpoint), region: "us-east-1", retry: RetryPolicy(maxAttempts: 1))
    }

    func tempDir() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bpctl-plan-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return dir
    }

    static func uniquePipeline() -> String { "plan-" + UUID().uuidString.prefix(8).lowercased() }

    /// Deploy `base`, plan `edited` against it (no git history).
    func plan(deployed base: TestBlueprint, planned edited: TestBlueprint) async throws -> Plan {
        let c = try client()
        try await DeployedAnalysis.deploy(base, client: c)
        let path = try edited.write(to: try tempDir())
        return try await Planner.plan(path: path, facts: .read(AWSLiveReader(client: c)), history: nil, options: .init(bpctlVersion: "test"))
    }

    /// (address, attribute names) of every actionable change.
    func summary(_ plan: Plan) -> [String: [String]] {
        Dictionary(plan.actionable.map { ($0.address, $0.attributes.map(\.name)) }, uniquingKeysWith: { a, _ in a })
    }

    func testNoChange() async throws {
        let bp = TestBlueprint(pipeline: Self.uniquePipeline())
        let plan = try await plan(deployed: bp, planned: bp)
        XCTAssertFalse(plan.hasChanges, PlanTextRenderer(color: false).render(plan))
        // moto has no such AMI: the check says so (a real account would have it).
        XCTAssertTrue(plan.checks.contains { $0.message.contains("AMI ami-0123456789abcdef0 does not exist") }, "\(plan.checks)")
    }

    func testAMIChange() async throws {
        let base = TestBlueprint(pipeline: Self.uniquePipeline())
        var edited = base
        edited.ami = "ami-0fedcba9876543210"
        let plan = try await plan(deployed: base, planned: edited)
        XCTAssertEqual(summary(plan), ["function[\"MainLambda\"]": ["environment.AMI"]])
        let change = try XCTUnwrap(plan.actionable.first)
        XCTAssertEqual(change.action, .update)
        XCTAssertEqual(change.attributes.first?.before, .string("ami-0123456789abcdef0"))
        XCTAssertEqual(change.attributes.first?.after, .string("ami-0fedcba9876543210"))
        XCTAssertEqual(change.attributes.first?.pointer, "/Lambda/LambdaConfig/AMI")
    }

    func testInstanceTypeChangeWithCost() async throws {
        let base = TestBlueprint(pipeline: Self.uniquePipeline())
        var edited = base
        edited.instanceType = "p3.2xlarge"
        let plan = try await plan(deployed: base, planned: edited)
        XCTAssertEqual(summary(plan), ["function[\"MainLambda\"]": ["environment.INSTANCE_TYPE"]])
        let cost = try XCTUnwrap(plan.cost)
        XCTAssertEqual(cost.current.usdPerDataset, 3.06)
        XCTAssertEqual(cost.previous?.instanceType, "t2.micro")
        XCTAssertEqual(cost.deltaPerDataset ?? 0, 3.06 - 0.0116, accuracy: 1e-9)
        XCTAssertEqual(cost.datasetsWithinBudget, 98)
    }

    func testCommandChange() async throws {
        let base = TestBlueprint(pipeline: Self.uniquePipeline())
        var edited = base
        edited.command = base.command.replacingOccurrences(of: "epi/run.sh", with: "epi/run2.sh")
        let plan = try await plan(deployed: base, planned: edited)
        XCTAssertEqual(summary(plan), ["function[\"MainLambda\"]": ["environment.COMMAND"]])
    }

    func testStageChangeIsDangerous() async throws {
        let base = TestBlueprint(pipeline: Self.uniquePipeline())
        var edited = base
        edited.stage = "webdev"
        let plan = try await plan(deployed: base, planned: edited)
        let stack = try XCTUnwrap(plan.actionable.first { $0.type == "AWS::CloudFormation::Stack" })
        XCTAssertEqual(stack.attributes.map(\.name), ["stage"])
        XCTAssertTrue(stack.dangers.contains { $0.contains("STAGE changes from \"websubstack\" to \"webdev\"") }, "\(stack.dangers)")
        // The consequence: each affiliate's group is renamed, so replaced; nothing else changes.
        let affiliates = plan.actionable.filter { $0.type == "NeuroCAAS::Affiliate" }
        XCTAssertEqual(Set(affiliates.map(\.action)), [.replace])
        XCTAssertEqual(plan.actionable.count, 3)
        XCTAssertNil(plan.actionable.first { $0.address == "function[\"MainLambda\"]" })
    }

    func testUserAdded() async throws {
        let base = TestBlueprint(pipeline: Self.uniquePipeline())
        var edited = base
        edited.affiliates[1].users.append("dave")
        let plan = try await plan(deployed: base, planned: edited)
        XCTAssertEqual(summary(plan), ["affiliate[\"debuggers\"]": ["members"]])
        XCTAssertEqual(plan.actionable.first?.attributes.first?.after, .list(["carolus-east-1", "daveus-east-1"]))
        XCTAssertTrue(plan.checks.contains { $0.message.contains("IAM user daveus-east-1 does not exist") }, "\(plan.checks)")
    }

    func testUserRemoved() async throws {
        let base = TestBlueprint(pipeline: Self.uniquePipeline())
        var edited = base
        edited.affiliates[0].users = ["alice"]
        let plan = try await plan(deployed: base, planned: edited)
        XCTAssertEqual(summary(plan), ["affiliate[\"cunninghamlab\"]": ["members"]])
        XCTAssertEqual(plan.actionable.first?.attributes.first?.before, .list(["aliceus-east-1", "bobus-east-1"]))
    }

    func testAffiliateAppended() async throws {
        let base = TestBlueprint(pipeline: Self.uniquePipeline())
        var edited = base
        edited.affiliates.append(("newlab", ["alice"]))
        let plan = try await plan(deployed: base, planned: edited)
        XCTAssertEqual(plan.actionable.map(\.address), ["affiliate[\"newlab\"]"])
        XCTAssertEqual(plan.actionable.first?.action, .create)
        XCTAssertEqual(plan.actionable.first?.dangers, [], "appending is additive")
    }

    func testAffiliateRemoved() async throws {
        let base = TestBlueprint(pipeline: Self.uniquePipeline())
        var edited = base
        edited.affiliates.removeLast()
        let plan = try await plan(deployed: base, planned: edited)
        XCTAssertEqual(plan.actionable.map(\.address), ["affiliate[\"debuggers\"]"])
        XCTAssertEqual(plan.actionable.first?.action, .delete)
        XCTAssertTrue(plan.actionable.first?.dangers.contains { $0.contains("folders and data stay") } ?? false)
    }

    func testAffiliatesReorderedUnderWebsubstack() async throws {
        let base = TestBlueprint(pipeline: Self.uniquePipeline())
        var edited = base
        edited.affiliates.reverse()
        let plan = try await plan(deployed: base, planned: edited)
        XCTAssertEqual(Set(plan.actionable.map(\.address)), ["affiliate[\"cunninghamlab\"]", "affiliate[\"debuggers\"]"])
        for c in plan.actionable {
            XCTAssertEqual(c.action, .replace)
            XCTAssertEqual(c.attributes.map(\.name), ["substack"])
            XCTAssertTrue(c.dangers.contains { $0.contains("reordering affiliates under websubstack") }, "\(c.dangers)")
        }
    }

    func testMissingPipelinePlansCreate() async throws {
        let bp = TestBlueprint(pipeline: Self.uniquePipeline())
        let path = try bp.write(to: try tempDir())
        let plan = try await Planner.plan(path: path, facts: .read(AWSLiveReader(client: try client())), history: nil, options: .init(bpctlVersion: "test"))
        XCTAssertEqual(Set(plan.actionable.map(\.action)), [.create])
        XCTAssertEqual(plan.actionable.map(\.address).first, "stack[\"\(bp.pipeline)\"]")
        XCTAssertEqual(plan.actionable.count, 4, "stack, MainLambda and two affiliates")
    }
}
