import Audit
import BlueprintKit
import Foundation
import XCTest

/// The audit over the real blueprints in ../shared/blueprints.
///
/// Hand-check (how the expected values below were found, independently of bpctl): a 20-line
/// Python script loaded every stack_config_template.json with `json.load`, and for each
/// affiliate built the IAM user `<UserName><LambdaConfig.REGION>` and the group by STAGE
/// (develop `<aff>group`, webdev `<aff><pipeid>group`, otherwise `<aff><pipeid>substackgroup`),
/// then listed (a) names seen twice within one file and (b) users with more than one distinct
/// group. The lists were then read against the files themselves (e.g. epi_dev_stack lists
/// jpccosyne, srbcosyne and tacosyne in both of its affiliates; frontend_example2_stack lists
/// taiga and johannes in its 2nd, 3rd and 4th affiliates). The script's only difference: it also counted
/// widefield_dev_stack, whose PipelineName is template prose ("bucket name. must be lowercase…"),
/// so no group can be derived and the audit skips it; that takes dummyuser from 4 groups to 3.
final class SharedBlueprintsAuditTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/blueprints")

    private func report() throws -> AuditReport {
        guard FileManager.default.fileExists(atPath: Self.root.path) else { throw XCTSkip("../shared/blueprints is not present") }
        let files = try FileDiscovery.blueprints(in: [Self.root.path])
        let (model, bad) = Auditor.load(files: files)
        XCTAssertEqual(bad, [])
        return Auditor.audit(model)
    }

    func testDuplicateUsersAreTheOnesTheFilesContain() throws {
        let dups = try report().findings.filter { $0.id == "BP302" }.map { f -> String in
            let dir = URL(fileURLWithPath: f.position!.file).deletingLastPathComponent().lastPathComponent
            return "\(dir) \(f.user!) \(f.affiliate!)"
        }
        XCTAssertEqual(dups.sorted(), [
            "epi_dev_stack jpccosyneus-east-1 examplegroup2EPIdevelop",
            "epi_dev_stack srbcosyneus-east-1 examplegroup2EPIdevelop",
            "epi_dev_stack tacosyneus-east-1 examplegroup2EPIdevelop",
            "frontend_example2_stack johannesus-east-1 examplegroup2FRONTEND2",
            "frontend_example2_stack johannesus-east-1 examplegroup3FRONTEND2",
            "frontend_example2_stack taigaus-east-1 examplegroup2FRONTEND2",
            "frontend_example2_stack taigaus-east-1 examplegroup3FRONTEND2",
            "locanmf_web_stack ta2507us-east-1 developergroup1",
            "widefield_patch_stack coutouclaus-east-1 coutouclaedu1603838351",
        ].sorted())
    }

    func testMultiGroupUsersAndTheirGroupCounts() throws {
        let r = try report()
        var counts: [String: Int] = [:]
        for rec in r.records { counts[rec.user] = rec.groupCount }
        XCTAssertEqual(counts.filter { $0.value > 1 }, [
            "cipermauser1us-east-1": 7, "cipermauser2us-east-1": 7, "taigaus-east-1": 5,
            "reviewersnnus-east-1": 4, "ta2507us-east-1": 4,
            "dk2643us-east-1": 3, "dummyuserus-east-1": 3, "editornnus-east-1": 3, "johannesus-east-1": 3,
            "jpccosyneus-east-1": 3, "rb2604us-east-1": 3, "sb4096us-east-1": 3, "srbcosyneus-east-1": 3, "tacosyneus-east-1": 3,
            "aln2128us-east-1": 2, "coutouclaus-east-1": 2, "fh3050us-east-1": 2, "ps3121us-east-1": 2,
        ])
        // Nobody reaches the limit of 10, so no BP301; the top users are the CI users in 7 pipelines.
        XCTAssertFalse(r.findings.contains { $0.id == "BP301" })
    }

    func testOfflineReportHasNoLiveFindings() throws {
        let r = try report()
        XCTAssertTrue(r.findings.allSatisfy { $0.id < "BP310" })
        XCTAssertNil(r.records.first?.member)
    }
}
