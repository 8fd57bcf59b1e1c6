import BlueprintKit
import Foundation
import PlanFixtures
@testable import Planner
import XCTest

/// The planner without AWS: golden text output, the plan schema, policy statement diffs,
/// environment compilation, drift attribution and staleness, with facts and history supplied.
final class PlannerOfflineTests: XCTestCase {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    struct FixedFacts: LiveSource {
        let facts: LiveFacts
        /// Users the request names but the facts do not are reported missing, as IAM would.
        func read(_ request: ReadRequest, progress: ProgressSink?) async throws -> LiveFacts {
            var f = facts
            for u in request.users where f.users[u] == nil { f.users[u] = false }
            return f
        }
    }

    struct FixedHistory: BlueprintHistory {
        let commit: String
        let committed: [UInt8]?
        /// Older versions than HEAD's, newest first.
        var older: [[UInt8]] = []
        func head() throws -> String? { commit }
        func repositoryPath(of path: String) -> String? { "stacks/epi/stack_config_template.json" }
        func committedContents(of path: String) throws -> [UInt8]? { committed }
        func committedVersions(of path: String, limit: Int) throws -> [[UInt8]] { (committed.map { [$0] } ?? []) + older }
    }

    func tempFile(_ text: String, name: String = "stack_config_template.json") throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bpctl-offline-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    func desired(_ bp: TestBlueprint) throws -> DesiredState {
        DesiredState(blueprint: Blueprint(document: try Document.parse(path: "x.json", bytes: Array(bp.json.utf8)).get()))
    }

    /// Facts as a websubstack deploy of `bp` leaves them, for editing.
    func facts(deployed bp: TestBlueprint) throws -> LiveFacts {
        let d = try desired(bp)
        var f = LiveFacts(region: "us-east-1", stackName: bp.pipeline)
        f.stack = .init(status: "UPDATE_COMPLETE", resources: [.init(logicalID: "MainLambda", physicalID: "\(bp.pipeline)-MainLambda-X", type: "AWS::Lambda::Function")]
                        + d.affiliates.map { .init(logicalID: "UserSubstack\($0.index)", physicalID: "sub\($0.index)", type: "AWS::CloudFormation::Stack") })
        var env: [String: String] = ["versionid": "abc\n", "figlambid": "fig"]
        for e in LambdaEnvironment.compile(d.blueprint.lambda?.config) { if case .string(let s) = e.value { env[e.key] = s } }
        f.functions["MainLambda"] = .init(handler: "submit_start.handler_develop", timeout: 900, environment: env)
        f.substacks = d.affiliates.map { .init(index: $0.index, name: $0.name, users: $0.members) }
        f.imageID = bp.ami
        f.image = .init(state: "available", ownerID: "123456789012", deprecationTime: nil)
        f.instanceType = bp.instanceType
        f.instanceTypeOffered = true
        for u in d.users { f.users[u] = true }
        for a in d.affiliates {
            f.groups[a.group] = .some(.init(members: a.members.sorted(), policy: AccessPolicy.document(bucket: bp.pipeline, affiliate: a.name)))
            for k in AccessPolicy.folders(affiliate: a.name) { f.folders[k] = true }
        }
        return f
    }

    func assertGolden(_ text: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let url = Self.golden.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["BPCTL_UPDATE_GOLDEN"] == "1" { try Data(text.utf8).write(to: url) }
        let expected = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        XCTAssertEqual(text, expected, "golden \(name) differs; rerun with BPCTL_UPDATE_GOLDEN=1 and review the diff", file: file, line: line)
    }

    /// A plan with a blueprint change (AMI), drift (COMMAND and a broken policy changed in AWS),
    /// a new affiliate, a removed user and a missing user.
    func driftPlan() async throws -> (Plan, String) {
        let base = TestBlueprint(pipeline: "epi-analysis")
        var live = try facts(deployed: base)
        live.functions["MainLambda"]?.environment["COMMAND"] = "echo hotfix"
        // The webdev policy bug of blueprint-reference §4.6, made by hand in AWS.
        let group = try desired(base).affiliates[0].group
        let good = AccessPolicy.document(bucket: "epi-analysis", affiliate: "cunninghamlab")
        live.groups[group] = .some(.init(members: ["aliceus-east-1", "bobus-east-1"], policy: good.replacingOccurrences(
            of: #""arn:aws:s3:::epi-analysis/cunninghamlab/submissions/*"]"#,
            with: #""arn:aws:s3:::epi-analysis/cunninghamlab/submissions/*arn:aws:s3:::epi-analysis/cunninghamlab/results/*"]"#)))
        var edited = base
        edited.ami = "ami-0fedcba9876543210"
        edited.affiliates[0].users = ["alice"]
        edited.affiliates.append(("newlab", ["zoe"]))
        let path = try tempFile(edited.json)
        let plan = try await Planner.plan(path: path, facts: .read(FixedFacts(facts: live)),
                                          history: FixedHistory(commit: String(repeating: "a", count: 40), committed: Array(base.json.utf8)),
                                          options: .init(bpctlVersion: "test"))
        return (plan, path)
    }

    func testGoldenPlanWithDrift() async throws {
        let (plan, path) = try await driftPlan()
        let text = PlanTextRenderer(color: false).render(plan).replacingOccurrences(of: path, with: "BLUEPRINT")
        try assertGolden(text, "plan-drift.txt")
        // The same facts seen by the differ: AMI is intent, COMMAND and the policy are drift.
        let main = try XCTUnwrap(plan.changes.first { $0.address == "function[\"MainLambda\"]" })
        XCTAssertEqual(main.intended.map(\.name), ["environment.AMI"])
        XCTAssertEqual(main.drifted.map(\.name), ["environment.COMMAND"])
        let lab = try XCTUnwrap(plan.changes.first { $0.address == "affiliate[\"cunninghamlab\"]" })
        XCTAssertEqual(lab.intended.map(\.name), ["members"])
        let policy = try XCTUnwrap(lab.drifted.first { $0.name == "policy" })
        XCTAssertEqual(policy.statements?.map(\.sid), ["Inputfolderwrite"])
        XCTAssertEqual(policy.statements?.first?.fields.map(\.name), ["Resource"])
        XCTAssertTrue(plan.checks.contains { $0.message == "IAM user zoeus-east-1 does not exist: the deploy compiles only when every listed user exists (create it with the user-profile stack first)" })
    }

    func testGoldenDiff() async throws {
        var a = TestBlueprint(pipeline: "epi-analysis")
        a.affiliates.append(("thirdlab", ["dana"]))
        var b = a
        b.instanceType = "p3.2xlarge"
        b.affiliates.remove(at: 0)
        b.stage = "websubstack"
        let plan = try await Planner.diff(old: ("a.json", Array(a.json.utf8)), new: ("b.json", Array(b.json.utf8)), options: .init(bpctlVersion: "test"))
        try assertGolden(PlanTextRenderer(color: false).render(plan), "diff-remove-first-affiliate.txt")
        XCTAssertEqual(plan.actionable.first { $0.action == .delete }?.address, "affiliate[\"cunninghamlab\"]")
        XCTAssertTrue(plan.actionable.first { $0.action == .delete }?.dangers.first?.contains("shifts every later affiliate") ?? false)
        XCTAssertEqual(plan.actionable.filter { $0.action == .replace }.map(\.address), ["affiliate[\"debuggers\"]", "affiliate[\"thirdlab\"]"])
        let same = try await Planner.diff(old: ("a.json", Array(a.json.utf8)), new: ("a2.json", Array(a.json.utf8)), options: .init(bpctlVersion: "test"))
        try assertGolden(PlanTextRenderer(color: false).render(same), "diff-none.txt")
    }

    func testPlanDocumentsValidateAgainstTheSchema() async throws {
        let schema = try SchemaLoader.load(path: Self.repo.appendingPathComponent("schemas/plan.schema.json").path).get()
        let (plan, _) = try await driftPlan()
        let a = TestBlueprint(pipeline: "epi-analysis")
        var b = a
        b.instanceType = "p5.48xlarge"
        let diff = try await Planner.diff(old: ("a.json", Array(a.json.utf8)), new: ("b.json", Array(b.json.utf8)), options: .init(bpctlVersion: "test"))
        for p in [plan, diff] {
            let doc = try Document.parse(path: "plan.json", bytes: Array(p.json().utf8)).get()
            let errors = SchemaEvaluator(schema).validate(doc.root)
            XCTAssertEqual(errors.map { "\($0)" }, [], p.kind.rawValue)
            XCTAssertEqual(try Plan.decode(Data(p.json().utf8)), p, "a saved plan reads back unchanged")
        }
        // The schema is not vacuous: a wrong action is refused.
        let bad = plan.json().replacingOccurrences(of: "\"action\" : \"update\"", with: "\"action\" : \"explode\"")
        XCTAssertNotEqual(bad, plan.json())
        XCTAssertFalse(SchemaEvaluator(schema).validate(try Document.parse(path: "bad.json", bytes: Array(bad.utf8)).get().root).isEmpty)
    }

    func testEnvironmentDefaultsAsTheDeployFillsThem() throws {
        let text = """
        {"PipelineName": "x", "REGION": "us-east-1", "Lambda": {"LambdaConfig": {"MONITOR": false, "MAXCOST": "", "DEPLOY_LIMIT": 0,
         "INDIR": "mine", "EXECUTION_TIMEOUT": 180, "LAUNCH": true, "AMI": "ami-0123abcd"}}, "UXData": {"Affiliates": []}}
        """
        let doc = try Document.parse(path: "x.json", bytes: Array(text.utf8)).get()
        let env = Dictionary(LambdaEnvironment.compile(Blueprint(document: doc).lambda?.config).map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
        XCTAssertEqual(env["MONITOR"], .string("true"), "false is falsy, so the default true wins (§2.6)")
        XCTAssertEqual(env["MAXCOST"], .string("300"))
        XCTAssertEqual(env["DEPLOY_LIMIT"], .string("100"))
        XCTAssertEqual(env["INDIR"], .string("inputs"), "always overwritten")
        XCTAssertEqual(env["EXECUTION_TIMEOUT"], .string("180"))
        XCTAssertEqual(env["LAUNCH"], .string("true"))
        XCTAssertEqual(env["SECURITY_GROUPS"], .unknown, "from the account's global params")
        XCTAssertEqual(env["AMI"], .string("ami-0123abcd"))
        XCTAssertNil(env["versionid"])
    }

    /// A change committed but not deployed yet is the blueprint's, not drift: AWS still holds an
    /// older committed version's value. A value no version ever had is drift.
    func testCommittedButUndeployedIsNotDrift() async throws {
        let base = TestBlueprint(pipeline: "epi-analysis")
        var live = try facts(deployed: base)
        live.functions["MainLambda"]?.environment["COMMAND"] = "echo hotfix"
        var edited = base
        edited.ami = "ami-0fedcba9876543210"
        let path = try tempFile(edited.json)
        let history = FixedHistory(commit: String(repeating: "c", count: 40), committed: Array(edited.json.utf8), older: [Array(base.json.utf8)])
        let plan = try await Planner.plan(path: path, facts: .read(FixedFacts(facts: live)), history: history, options: .init(bpctlVersion: "test"))
        let main = try XCTUnwrap(plan.changes.first { $0.address == "function[\"MainLambda\"]" })
        XCTAssertEqual(main.intended.map(\.name), ["environment.AMI"], "committed at HEAD, deployed before: the blueprint's change")
        XCTAssertEqual(main.drifted.map(\.name), ["environment.COMMAND"])
        // Without the older version, HEAD alone cannot tell: the AMI counts as changed outside.
        let headOnly = FixedHistory(commit: String(repeating: "c", count: 40), committed: Array(edited.json.utf8))
        let blind = try await Planner.plan(path: path, facts: .read(FixedFacts(facts: live)), history: headOnly, options: .init(bpctlVersion: "test"))
        XCTAssertEqual(blind.changes.first { $0.address == "function[\"MainLambda\"]" }?.drifted.map(\.name), ["environment.AMI", "environment.COMMAND"])
    }

    func testChecksForAccountState() async throws {
        let bp = TestBlueprint(pipeline: "epi-analysis")
        var live = try facts(deployed: bp)
        live.stack?.status = "ROLLBACK_COMPLETE"
        live.image = .init(state: "pending", ownerID: nil, deprecationTime: "2026-01-01T00:00:00Z")
        live.instanceTypeOffered = false
        let plan = try await Planner.plan(path: try tempFile(bp.json), facts: .read(FixedFacts(facts: live)), history: nil, options: .init(bpctlVersion: "test"))
        XCTAssertEqual(plan.checks.map(\.severity), [.error, .error, .warning, .error], "\(plan.checks)")
        XCTAssertTrue(plan.checks[0].message.contains("ROLLBACK_COMPLETE"))
        XCTAssertTrue(plan.checks[1].message.contains("is pending, not available"))
        XCTAssertTrue(plan.checks[3].message.contains("t2.micro is not offered in us-east-1"))
        XCTAssertFalse(plan.applyable)
    }

    func testPolicyComparedByMeaning() {
        let a = #"{"Version":"2012-10-17","Statement":[{"Sid":"S","Effect":"Allow","Action":["s3:PutObject","s3:DeleteObject"],"Resource":"arn:aws:s3:::b/x/*"}]}"#
        let b = #"{"Statement":[{"Resource":["arn:aws:s3:::b/x/*"],"Action":["s3:DeleteObject","s3:PutObject"],"Effect":"Allow","Sid":"S"}],"Version":"2012-10-17"}"#
        XCTAssertEqual(PolicyDocument.canonical(a), PolicyDocument.canonical(b), "order and scalar-or-list do not matter")
        let c = b.replacingOccurrences(of: "s3:PutObject", with: "s3:GetObject")
        let diff = PolicyDocument.diff(a, c)
        XCTAssertEqual(diff?.map(\.sid), ["S"])
        XCTAssertEqual(diff?.first?.fields.map(\.name), ["Action"])
    }

    func testStalenessNamesWhatMoved() async throws {
        let (plan, path) = try await driftPlan()
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let facts = try XCTUnwrap(plan.live?.facts)
        XCTAssertEqual(Staleness.check(plan, blueprintBytes: bytes, head: .some(plan.git?.head), facts: facts), [])
        var moved = facts
        moved.functions["MainLambda"]?.environment["AMI"] = "ami-0aaaaaaaaaaaaaaaa"
        moved.users["carolus-east-1"] = false
        let reasons = Staleness.check(plan, blueprintBytes: bytes + [0x20], head: .some("b" + String(repeating: "0", count: 39)), facts: moved)
        let text = reasons.map(\.description)
        XCTAssertEqual(text.count, 4, "\(text)")
        XCTAssertTrue(text[0].hasPrefix("the blueprint \(path) was edited since the plan (sha256 "), text[0])
        XCTAssertEqual(text[1], "git HEAD moved from aaaaaaaaaaaa to b00000000000")
        XCTAssertTrue(text.contains("live fact \"function MainLambda\" changed: environment.AMI: \"ami-0123456789abcdef0\" → \"ami-0aaaaaaaaaaaaaaaa\""), "\(text)")
        XCTAssertTrue(text.contains("live fact \"user carolus-east-1\" changed: value: \"exists\" → \"absent\"") || text.contains { $0.contains("user carolus-east-1") }, "\(text)")
    }
}
