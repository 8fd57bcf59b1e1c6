import Audit
import AWSClient
import Foundation
import TestSupport
import XCTest

/// `--live` against moto_server: users, groups, memberships, policies, keys, a console password
/// and an MFA device are set up here, and every live finding kind must appear exactly where it
/// was planted and nowhere else, read through both the credential report and per-user calls.
///
/// What moto's credential report cannot do (so these are not tested here): it is ready on the
/// second GenerateCredentialReport call instead of after minutes, and never expires;
/// its GeneratedTime is always 2015-02-02T20:02:02Z; password_last_used is "no_information", password_next_rotation and the keys'
/// last_used_region/last_used_service are "not_supported", and certificate columns are N/A.
/// It cannot backdate anything, so old and unused keys are made by running the audit's clock
/// ahead (AuditOptions.now) rather than by ageing keys.
final class LiveAuditTests: XCTestCase {
    nonisolated(unsafe) static var moto: LocalServer?
    override class func setUp() { super.setUp(); moto = try? LocalServer.moto() }
    override class func tearDown() { moto?.stop(); super.tearDown() }

    /// Every name carries this tag: under .ci/run all suites share one moto_server (one account).
    static let tag = String(UUID().uuidString.filter(\.isLetter).lowercased().prefix(6))
    static let pipeline = "audit-live-\(tag)"
    static let pipeid = "auditlive\(tag)"
    static func user(_ name: String) -> String { "\(name)\(tag)us-east-1" }

    static let blueprint = """
    {
      "PipelineName": "\(pipeline)", "REGION": "us-east-1", "STAGE": "websubstack",
      "Lambda": {"CodeUri": "../../protocols", "Handler": "submit_start.handler_develop", "LambdaConfig": {"REGION": "us-east-1"}},
      "UXData": {"Affiliates": [
        {"AffiliateName": "labone", "UserNames": ["ann\(tag)", "ben\(tag)"], "UserInput": true, "ContactEmail": "one@example.org"},
        {"AffiliateName": "labtwo", "UserNames": ["cat\(tag)", "ghost\(tag)"], "UserInput": true, "ContactEmail": "two@example.org"},
        {"AffiliateName": "labthree", "UserNames": ["dan\(tag)"], "UserInput": true, "ContactEmail": "three@example.org"}
      ]}
    }
    """

    private func client(key: String = "testing", secret: String = "testing") throws -> AWSClient {
        guard let m = Self.moto else { throw XCTSkip("moto_server is not installed") }
        return AWSClient(environment: testEnvironment(endpoint: m.endpoint, key: key, secret: secret), region: "us-east-1",
                         retry: RetryPolicy(maxAttempts: 1))
    }

    /// The account as planted.
    private func plant(_ c: AWSClient) async throws {
        let iam = IAM(c), user = Self.user, tag = Self.tag, bucket = Self.pipeline
        for u in ["ann", "ben", "cat", "dan", "mal", "eve"] { try await iam.createUser(user(u)) }
        func group(_ name: String, _ members: [String], policy: String) async throws {
            try await iam.createGroup(name)
            for m in members { try await iam.addUserToGroup(user: user(m), group: name) }
            try await iam.putGroupPolicy(group: name, name: "policy", document: policy)
        }
        // labone as deployed, plus mal added by hand: BP311 mal.
        try await group("labone\(Self.pipeid)substackgroup", ["ann", "ben", "mal"], policy: AffiliatePolicy.document(affiliate: "labone", bucket: bucket))
        // labtwo's policy edited by hand (DeleteObject dropped from results/configs): BP314 labtwo. ghost never created: BP310.
        let drifted = AffiliatePolicy.document(affiliate: "labtwo", bucket: bucket)
            .replacingOccurrences(of: #"["s3:GetObject","s3:DeleteObject"]"#, with: #"["s3:GetObject"]"#)
        try await group("labtwo\(Self.pipeid)substackgroup", ["cat"], policy: drifted)
        // labthree's group is never created: BP313. A user-centric group reaching the bucket: BP312 ben.
        try await group("lab\(tag)usercentricgroup", ["ben"], policy: AffiliatePolicy.document(affiliate: "lab\(tag)", bucket: bucket))
        // An unrelated group and user with every problem: outside the audit, so no finding.
        try await group("other\(tag)group", ["eve"], policy: AffiliatePolicy.document(affiliate: "other", bucket: "other-\(tag)"))

        // ann: an active key, used once (moto records the use when a request is signed with it): BP315/BP316.
        let (annKey, annSecret) = try await iam.createAccessKey(user: user("ann"))
        _ = try await IAM(try client(key: annKey, secret: annSecret)).getUser(user("ann"))
        // cat: a key that is inactive (never reported), a console password and an MFA device (no BP317).
        let (catKey, _) = try await iam.createAccessKey(user: user("cat"))
        _ = try await c.query(.iam, action: "UpdateAccessKey", version: "2010-05-08",
                              [("UserName", user("cat")), ("AccessKeyId", catKey), ("Status", "Inactive")])
        for u in ["ben", "cat", "eve"] {
            _ = try await c.query(.iam, action: "CreateLoginProfile", version: "2010-05-08", [("UserName", user(u)), ("Password", "Pw-\(UUID())")])
        }
        let mfa = try await c.query(.iam, action: "CreateVirtualMFADevice", version: "2010-05-08", [("VirtualMFADeviceName", "cat\(tag)")])
        let serial = try XCTUnwrap(mfa.text("CreateVirtualMFADeviceResult/VirtualMFADevice/SerialNumber"))
        _ = try await c.query(.iam, action: "EnableMFADevice", version: "2010-05-08",
                              [("UserName", user("cat")), ("SerialNumber", serial), ("AuthenticationCode1", "123456"), ("AuthenticationCode2", "654321")])
        // eve also gets an old unused key: still no finding, she is in no audited group.
        _ = try await iam.createAccessKey(user: user("eve"))
    }

    /// "id subject" for each finding (subject: the user without tag and region, else the affiliate).
    private func planted(_ r: AuditReport) -> [String] {
        r.findings.map { "\($0.id) \($0.user.map { $0.replacingOccurrences(of: "\(Self.tag)us-east-1", with: "") } ?? $0.affiliate ?? "?")" }.sorted()
    }

    func testEveryLiveFindingExactlyWherePlanted() async throws {
        let c = try client()
        try await plant(c)
        let (model, bad) = Auditor.load(inputs: [("stack/stack_config_template.json", Self.blueprint)])
        XCTAssertEqual(bad, [])
        let common = ["BP310 ghost", "BP311 mal", "BP312 ben", "BP313 labthree", "BP314 labtwo", "BP317 ben"]

        for useReport in [true, false] {
            let snapshot = try await LiveIAMReader(client: c, useCredentialReport: useReport).read(for: model)
            XCTAssertEqual(snapshot.credentialSource, useReport ? "credential report" : "per-user calls")
            XCTAssertEqual(snapshot.credentialReportGenerated, useReport ? IAMDates.parse("2015-02-02T20:02:02Z") : nil)
            let annKeys = try XCTUnwrap(snapshot.user(Self.user("ann"))).keys
            XCTAssertEqual(annKeys.count, 1)
            XCTAssertNotNil(annKeys.first?.lastUsed, "moto records the signed call as the key's last use")

            // 100 days on: ann's key is unused for 90+ days; no age limit given.
            let later = Auditor.audit(model, iam: snapshot, options: AuditOptions(now: Date().addingTimeInterval(100 * 86400)))
            XCTAssertEqual(planted(later), (common + ["BP315 ann"]).sorted(), "credential report: \(useReport)")
            let unused = try XCTUnwrap(later.findings.first { $0.id == "BP315" })
            XCTAssertTrue(unused.message.contains("unused for 100 days") || unused.message.contains("unused for 99 days"), unused.message)

            // 60 days on with --max-key-age 30: ann's key is too old but not yet unused for 90.
            let sooner = Auditor.audit(model, iam: snapshot, options: AuditOptions(now: Date().addingTimeInterval(60 * 86400), maxKeyAge: 30))
            XCTAssertEqual(planted(sooner), (common + ["BP316 ann"]).sorted(), "credential report: \(useReport)")

            // Today: no key finding at all.
            let today = Auditor.audit(model, iam: snapshot, options: AuditOptions(maxKeyAge: 30))
            XCTAssertEqual(planted(today), common.sorted())

            // Positions: the user entry for user findings, AffiliateName for group findings.
            let ghost = try XCTUnwrap(today.findings.first { $0.id == "BP310" }?.position)
            XCTAssertEqual(ghost.pointer, "/UXData/Affiliates/1/UserNames/1")
            XCTAssertEqual(today.findings.first { $0.id == "BP313" }?.position?.pointer, "/UXData/Affiliates/2/AffiliateName")
            // Records: mal appears as access the blueprint does not grant.
            XCTAssertTrue(today.records.contains { $0.user == Self.user("mal") && !$0.declared && $0.member == true })
            XCTAssertEqual(today.records.first { $0.user == Self.user("ghost") }?.userExists, false)
        }
    }
}
