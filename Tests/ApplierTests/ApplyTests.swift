import Applier
import AWSClient
import BlueprintKit
import Foundation
import PlanFixtures
import Planner
import TestSupport
import XCTest

/// `bpctl apply` against moto: a deployed analysis (DeployedAnalysis) changed through a plan;
/// afterwards a new plan shows no changes. Fault injection stops after each step in turn and
/// `resume` must end in the same state. moto cannot make a stack update roll back on demand,
/// so the rollback message is not exercised here.
final class ApplyTests: XCTestCase {
    nonisolated(unsafe) static var moto: LocalServer?
    override class func setUp() { super.setUp(); moto = try? LocalServer.moto() }
    override class func tearDown() { moto?.stop(); super.tearDown() }

    func client() throws -> AWSClient {
        guard let m = Self.moto else { throw XCTSkip("moto_server is not installed") }
        return AWSClient(environment: testEnvironment(endpoint: m.endpoint), region: "us-east-1", retry: RetryPolicy(maxAttempts: 1))
    }

    func tempDir() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bpctl-apply-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return dir
    }

    func plan(_ path: String, _ c: AWSClient) async throws -> Plan {
        try await Planner.plan(path: path, facts: .read(AWSLiveReader(client: c)), history: nil, options: .init(bpctlVersion: "test"))
    }

    /// Two images moto ships, so the plan's "AMI exists" check passes.
    func images(_ c: AWSClient) async throws -> (String, String) {
        let ids = try await EC2(c).describeImages(owners: ["amazon"]).map(\.id)
        guard ids.count >= 2 else { throw XCTSkip("moto ships fewer than two images") }
        return (ids[0], ids[1])
    }

    /// A blueprint for a fresh pipeline whose AMI exists in moto.
    func base(_ prefix: String, _ c: AWSClient) async throws -> TestBlueprint {
        var b = TestBlueprint(pipeline: prefix + UUID().uuidString.prefix(8).lowercased())
        b.ami = try await images(c).0
        b.instanceType = "t2.micro" // moto offers it in us-east-1 (not the fixture's p2.xlarge)
        return b
    }

    func options() -> ApplyRun.Options {
        var o = ApplyRun.Options()
        o.pollInterval = 0.05
        return o
    }

    /// Deploy `base`, write `edited`, plan, apply; returns the plan and the blueprint path.
    func deployAndApply(_ base: TestBlueprint, _ edited: TestBlueprint) async throws -> (Plan, String, AWSClient) {
        let c = try client()
        try await DeployedAnalysis.deploy(base, client: c)
        let path = try edited.write(to: try tempDir())
        let plan = try await plan(path, c)
        XCTAssertTrue(plan.hasChanges)
        _ = try await ApplyRun.apply(plan, client: c, options: options())
        return (plan, path, c)
    }

    func assertNoChanges(_ path: String, _ c: AWSClient, file: StaticString = #filePath, line: UInt = #line) async throws {
        let again = try await plan(path, c)
        XCTAssertEqual(again.actionable.map(\.address), [], "plan after apply: \(again.actionable.map { "\($0.address) \($0.attributes.map(\.name))" })", file: file, line: line)
    }

    func testAMIInstanceTypeAndCommandGoThroughCloudFormation() async throws {
        let base = try await base("apply-", try client())
        let newAMI = try await images(try client()).1
        var edited = base
        edited.ami = newAMI
        edited.instanceType = "m5.xlarge"
        edited.command = "cd /home/ubuntu; bash run.sh"
        let (_, path, c) = try await deployAndApply(base, edited)
        let function = try await DeployedAnalysis.mainLambda(base.pipeline, client: c)
        let env = try await Lambda(c).getFunctionConfiguration(function).environment
        XCTAssertEqual(env["AMI"], newAMI)
        XCTAssertEqual(env["INSTANCE_TYPE"], "m5.xlarge")
        XCTAssertEqual(env["COMMAND"], "cd /home/ubuntu; bash run.sh")
        XCTAssertEqual(env["figlambid"], "\(base.pipeline)-FigLambda", "keys the deploy injects are kept")
        try await assertNoChanges(path, c)
        XCTAssertNotNil(Journal.load(blueprint: path)?.completed)
        XCTAssertNil(ApplyLock.current(blueprint: path))
    }

    func testAffiliateUsersAddedAndRemovedAndAffiliatesAddedAndRemoved() async throws {
        let c = try client()
        let base = try await base("apply-", c)
        var edited = base
        edited.affiliates = [("cunninghamlab", ["alice"]), ("newlab", ["dave"])] // bob out, debuggers gone, newlab new
        for user in ["daveus-east-1"] where try await IAM(c).getUser(user) == nil { try await IAM(c).createUser(user) }
        let (plan, path, _) = try await deployAndApply(base, edited)
        XCTAssertEqual(Set(plan.actionable.map(\.address)), ["affiliate[\"cunninghamlab\"]", "affiliate[\"newlab\"]", "affiliate[\"debuggers\"]"])
        let iam = IAM(c)
        let cunningham = IAMNames.group(affiliate: "cunninghamlab", pipeline: base.pipeline, stage: base.stage)
        let newlab = IAMNames.group(affiliate: "newlab", pipeline: base.pipeline, stage: base.stage)
        let debuggers = IAMNames.group(affiliate: "debuggers", pipeline: base.pipeline, stage: base.stage)
        let members = try await iam.getGroup(cunningham)
        XCTAssertEqual(members, ["aliceus-east-1"])
        let newMembers = try await iam.getGroup(newlab)
        XCTAssertEqual(newMembers, ["daveus-east-1"])
        let policy = try await iam.getGroupPolicy(group: newlab, name: AccessPolicy.name(affiliate: "newlab"))
        XCTAssertTrue(policy.contains("newlab/inputs"))
        let details = try await iam.groupDetails(debuggers, policy: AccessPolicy.name(affiliate: "debuggers"))
        XCTAssertNil(details, "the removed affiliate's group is gone")
        let keys = try await S3(c).listObjects(bucket: base.pipeline)
        XCTAssertTrue(keys.contains("debuggers/inputs/"), "a removed affiliate's folders (user data) stay")
        XCTAssertTrue(keys.contains("newlab/configs/"))
        try await assertNoChanges(path, c)
    }

    /// Stop after step k for every k, then resume with the same plan: the end state equals an
    /// uninterrupted run's (a fresh plan shows nothing to do) and no step ran twice.
    func testResumeAfterEveryStep() async throws {
        let c = try client()
        for user in ["daveus-east-1", "erinus-east-1"] where try await IAM(c).getUser(user) == nil { try await IAM(c).createUser(user) }
        var k = 1
        while true {
            let base = try await base("resume-", c)
            var edited = base
            edited.ami = try await images(c).1
            edited.affiliates = [("cunninghamlab", ["alice"]), ("debuggers", ["carol"]), ("newlab", ["dave", "erin"])]
            try await DeployedAnalysis.deploy(base, client: c)
            let path = try edited.write(to: try tempDir())
            let plan = try await plan(path, c)
            var stopping = options()
            stopping.stopAfterSteps = k
            let total: Int
            do {
                total = try await ApplyRun.apply(plan, client: c, options: stopping).steps.count
            } catch {
                XCTAssertTrue("\(error)".contains("stopped after step \(k)"), "\(error)")
                XCTAssertNil(ApplyLock.current(blueprint: path))
                var resume = options()
                resume.resume = true
                let outcome = try await ApplyRun.apply(plan, client: c, options: resume)
                XCTAssertEqual(outcome.skipped.count, k, "k=\(k)")
                XCTAssertEqual(outcome.skipped + outcome.done, outcome.steps.map(\.id), "every step exactly once, k=\(k)")
                try await assertNoChanges(path, c)
                let members = try await IAM(c).getGroup(IAMNames.group(affiliate: "newlab", pipeline: base.pipeline, stage: base.stage))
                XCTAssertEqual(members.sorted(), ["daveus-east-1", "erinus-east-1"], "k=\(k)")
                k += 1
                continue
            }
            XCTAssertEqual(k, total + 1, "the run finished only once k passed the last step (k = total stops before the journal completes)")
            XCTAssertGreaterThanOrEqual(total, 10)
            break
        }
    }

    /// The first Ctrl-C (the interrupt flag) lets the running step finish, journals it and stops;
    /// --resume then does the rest.
    func testInterruptStopsAfterTheCurrentStepAndResumeFinishes() async throws {
        let c = try client()
        let base = try await base("intr-", c)
        try await DeployedAnalysis.deploy(base, client: c)
        var edited = base
        edited.ami = try await images(c).1
        edited.affiliates = [("cunninghamlab", ["alice", "bob", "carol"]), ("debuggers", ["carol"])]
        let path = try edited.write(to: try tempDir())
        let plan = try await plan(path, c)
        let steps = LinesBox()
        var interrupted = options()
        interrupted.interrupted = { !steps.all.isEmpty }
        do {
            _ = try await ApplyRun.apply(plan, client: c, options: interrupted) { line in if line.contains(": done (") { steps.append(line) } }
            XCTFail("expected the run to stop")
        } catch {
            XCTAssertTrue("\(error)".contains("interrupted before step 2"), "\(error)")
        }
        XCTAssertEqual(Journal.load(blueprint: path)?.steps.count, 1, "the finished step is journaled")
        var resume = options()
        resume.resume = true
        let outcome = try await ApplyRun.apply(plan, client: c, options: resume)
        XCTAssertEqual(outcome.skipped.count, 1)
        try await assertNoChanges(path, c)
    }

    func testLockedAnalysisAndUnsupportedChangesAreRefusedBeforeAnyChange() async throws {
        let c = try client()
        let base = try await base("apply-", c)
        try await DeployedAnalysis.deploy(base, client: c)
        var edited = base
        edited.ami = try await images(c).1
        let path = try edited.write(to: try tempDir())
        let plan = try await plan(path, c)
        let lock = try ApplyLock.acquire(blueprint: path, operation: "ami create")
        do {
            _ = try await ApplyRun.apply(plan, client: c, options: options())
            XCTFail("expected the lock to refuse")
        } catch {
            XCTAssertTrue("\(error)".contains("bpctl force-unlock \(lock.holder.id)"), "\(error)")
        }
        lock.release()
        let env = try await Lambda(c).getFunctionConfiguration(try await DeployedAnalysis.mainLambda(base.pipeline, client: c)).environment
        XCTAssertEqual(env["AMI"], base.ami, "nothing was applied")

        var renamed = base
        renamed.stage = "develop"
        let stagePath = try renamed.write(to: try tempDir())
        let stagePlan = try await self.plan(stagePath, c)
        do {
            _ = try await ApplyRun.apply(stagePlan, client: c, options: options())
            XCTFail("a STAGE change is not applied")
        } catch {
            XCTAssertTrue("\(error)".contains("NeuroCAAS deploy script"), "\(error)")
        }
    }
}
