import Applier
import AWSClient
import BlueprintKit
import Foundation
import PlanFixtures
import Planner
import TestSupport
import XCTest

/// A new analysis against moto: in a git repository, `plan` shows the stack created, `apply`
/// uploads the zipped protocol code, creates the stack from the compiled template and sets up
/// the affiliates, and a second plan shows nothing to do. Every stop point of the create
/// resumes to the same state. `--change-set` is exercised with a CREATE change set, the kind
/// moto executes; moto mishandles UPDATE change sets (it does not apply the new template's
/// properties on execution), so the update path of --change-set is not tested here.
final class StackCreateTests: XCTestCase {
    nonisolated(unsafe) static var moto: LocalServer?
    override class func setUp() { super.setUp(); moto = try? LocalServer.moto() }
    override class func tearDown() { moto?.stop(); super.tearDown() }

    func client() throws -> AWSClient {
        guard let m = Self.moto else { throw XCTSkip("moto_server is not installed") }
        return AWSClient(environment: testEnvironment(endpoint: m.endpoint), region: "us-east-1", retry: RetryPolicy(maxAttempts: 1))
    }

    /// A git repository with a fresh blueprint, its protocols directory (CodeUri
    /// ../../protocols, as in the NeuroCAAS repository), the users, and an artifact bucket.
    struct NewAnalysis {
        let git: GitFixture
        let path: String
        let blueprint: TestBlueprint
        let artifacts: String
    }

    func newAnalysis(_ c: AWSClient, stage: String = "websubstack") async throws -> NewAnalysis {
        var bp = TestBlueprint(pipeline: "create-" + UUID().uuidString.prefix(8).lowercased())
        bp.stage = stage
        bp.ami = try await EC2(c).describeImages(owners: ["amazon"]).map(\.id).first ?? bp.ami
        bp.instanceType = "t2.micro"
        let git = try GitFixture()
        let relative = "ncap_iac/ncap_blueprints/\(bp.pipeline)/stack_config_template.json"
        _ = try git.commit([relative: bp.json,
                            "ncap_iac/protocols/submit_start.py": "def handler_develop(event, context):\n    return 'ok'\n",
                            "ncap_iac/protocols/utils/helper.py": String(repeating: "# helper\n", count: 200)], message: "new analysis")
        let iam = IAM(c)
        for user in ["aliceus-east-1", "bobus-east-1", "carolus-east-1"] where try await iam.getUser(user) == nil { try await iam.createUser(user) }
        let artifacts = "artifacts-" + bp.pipeline
        try await S3(c).createBucket(artifacts)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: git.root.path) }
        return NewAnalysis(git: git, path: git.path(relative), blueprint: bp, artifacts: artifacts)
    }

    func plan(_ path: String, _ c: AWSClient) async throws -> Plan {
        let history = try GitHistory(containing: path)
        return try await Planner.plan(path: path, facts: .read(AWSLiveReader(client: c)), history: history, options: .init(bpctlVersion: "test"))
    }

    func options(_ bucket: String) -> ApplyRun.Options {
        var o = ApplyRun.Options()
        o.pollInterval = 0.05
        o.stackTimeout = 20
        o.artifactBucket = bucket
        return o
    }

    func assertCreated(_ a: NewAnalysis, _ c: AWSClient, file: StaticString = #filePath, line: UInt = #line) async throws {
        let again = try await plan(a.path, c)
        XCTAssertEqual(again.actionable.map(\.address), [], "plan after the create: \(again.actionable.map { "\($0.address) \($0.action) \($0.attributes.map(\.name))" })", file: file, line: line)
        let stack = try await CloudFormation(c).describeStack(a.blueprint.pipeline)
        XCTAssertEqual(stack?.status, "CREATE_COMPLETE", file: file, line: line)
        let function = try await CloudFormation(c).describeStackResource(a.blueprint.pipeline, logicalID: "MainLambda")?.physicalID ?? ""
        let config = try await Lambda(c).getFunctionConfiguration(function)
        XCTAssertEqual(config.environment["AMI"], a.blueprint.ami, file: file, line: line)
        XCTAssertEqual(config.environment["versionid"], try a.git.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines) + "\n", "git HEAD with its newline, as the deploy writes it", file: file, line: line)
        // Monitored jobs need FigLambda and the EventBridge role, handed over in the environment.
        let fig = try await CloudFormation(c).describeStackResource(a.blueprint.pipeline, logicalID: "FigLambda")?.physicalID
        XCTAssertNotNil(fig, "FigLambda is part of the stack", file: file, line: line)
        XCTAssertEqual(config.environment["figlambid"], fig, file: file, line: line)
        XCTAssertTrue(config.environment["figlambarn"]?.hasSuffix(":function:" + (fig ?? "-")) ?? false, "\(config.environment["figlambarn"] ?? "nil")", file: file, line: line)
        XCTAssertTrue(config.environment["cwrolearn"]?.contains(":role/") ?? false, "\(config.environment["cwrolearn"] ?? "nil")", file: file, line: line)
        let members = try await IAM(c).getGroup(IAMNames.group(affiliate: "cunninghamlab", pipeline: a.blueprint.pipeline, stage: a.blueprint.stage))
        XCTAssertEqual(members.sorted(), ["aliceus-east-1", "bobus-east-1"], file: file, line: line)
        let keys = try await S3(c).listObjects(bucket: a.blueprint.pipeline)
        XCTAssertTrue(keys.contains("debuggers/submissions/"), "\(keys)", file: file, line: line)
        let code = try await S3(c).listObjects(bucket: a.artifacts)
        XCTAssertEqual(code.filter { $0.hasSuffix(".zip") }.count, 1, "one code package, uploaded once: \(code)", file: file, line: line)
    }

    func testPlanShowsCreateApplyCreatesAndPlanAgainShowsNoChanges() async throws {
        let c = try client()
        let a = try await newAnalysis(c)
        let first = try await plan(a.path, c)
        let stackChange = first.actionable.first { $0.type == ResourceAddress.stackType }
        XCTAssertEqual(stackChange?.action, .create)
        let outcome = try await ApplyRun.apply(first, client: c, options: options(a.artifacts))
        XCTAssertEqual(Array(outcome.done.prefix(2)), [outcome.steps[0].id, "stack:\(a.blueprint.pipeline):create"])
        try await assertCreated(a, c)
    }

    func testDevelopStageCreatesPerAffiliateTriggersAndNoNestedStacks() async throws {
        let c = try client()
        let a = try await newAnalysis(c, stage: "develop")
        _ = try await ApplyRun.apply(try await plan(a.path, c), client: c, options: options(a.artifacts))
        try await assertCreated(a, c)
        let resources = try await CloudFormation(c).describeStackResources(a.blueprint.pipeline)
        XCTAssertFalse(resources.contains { $0.type == "AWS::CloudFormation::Stack" })
    }

    /// Stop after step k for every k, then resume: the same end state, each step once, and the
    /// code uploaded once.
    func testCreateResumesAfterEveryStep() async throws {
        let c = try client()
        var k = 1
        while true {
            let a = try await newAnalysis(c)
            let plan = try await plan(a.path, c)
            var stopping = options(a.artifacts)
            stopping.stopAfterSteps = k
            do {
                let outcome = try await ApplyRun.apply(plan, client: c, options: stopping)
                XCTAssertEqual(k, outcome.steps.count + 1, "the run finished only once k passed the last step")
                XCTAssertGreaterThanOrEqual(outcome.steps.count, 8)
                break
            } catch {
                XCTAssertTrue("\(error)".contains("stopped after step \(k)"), "\(error)")
                var resume = options(a.artifacts)
                resume.resume = true
                let outcome = try await ApplyRun.apply(plan, client: c, options: resume)
                XCTAssertEqual(outcome.skipped.count, k, "k=\(k)")
                XCTAssertEqual(outcome.skipped + outcome.done, outcome.steps.map(\.id), "every step exactly once, k=\(k)")
                try await assertCreated(a, c)
                k += 1
            }
        }
    }

    func testChangeSetIsShownAndExecutedOnlyWhenApproved() async throws {
        let c = try client()
        let a = try await newAnalysis(c)
        let plan = try await plan(a.path, c)
        var refusing = options(a.artifacts)
        refusing.changeSet = true
        let shown = Shown()
        refusing.approveChangeSet = { shown.text = $0; return false }
        do {
            _ = try await ApplyRun.apply(plan, client: c, options: refusing)
            XCTFail("a refused change set must stop the apply")
        } catch {
            XCTAssertTrue("\(error)".contains("was not approved"), "\(error)")
        }
        XCTAssertTrue(shown.text.contains("+ MainLambda (AWS::Lambda::Function): add"), shown.text)
        XCTAssertTrue(shown.text.contains("+ PipelineMainBucket (AWS::S3::Bucket): add"), shown.text)
        let review = try await CloudFormation(c).describeStack(a.blueprint.pipeline)
        XCTAssertNil(review, "nothing was executed, and the empty review stack is removed")

        var approving = options(a.artifacts)
        approving.changeSet = true
        approving.resume = true
        approving.approveChangeSet = { _ in true }
        _ = try await ApplyRun.apply(plan, client: c, options: approving)
        try await assertCreated(a, c)
    }

    func testMissingArtifactBucketIsRefusedWithTheWayToNameOne() async throws {
        let c = try client()
        let a = try await newAnalysis(c)
        let plan = try await plan(a.path, c)
        do {
            _ = try await ApplyRun.apply(plan, client: c, options: options(""))
            XCTFail("a create without an artifact bucket must be refused")
        } catch {
            XCTAssertTrue("\(error)".contains("--artifact-bucket"), "\(error)")
        }
        do {
            _ = try await ApplyRun.apply(plan, client: c, options: options("no-such-bucket-\(a.blueprint.pipeline)"))
            XCTFail("a missing bucket must be reported")
        } catch {
            XCTAssertTrue("\(error)".contains("does not exist"), "\(error)")
        }
        let stack = try await CloudFormation(c).describeStack(a.blueprint.pipeline)
        XCTAssertNil(stack, "no stack without its code")
    }
}

final class Shown: @unchecked Sendable {
    var text = ""
}
