import Foundation
import XCTest
@testable import BlueprintKit

/// bpctl over every real blueprint in ../shared/blueprints. The expected findings were checked
/// by hand against blueprint-reference §3 (numbers in comments) and anchors §0.
final class SharedBlueprintsTests: XCTestCase {
    /// stack directory → (error rule ids, warning rule ids).
    static let expected: [String: (errors: Set<String>, warnings: Set<String>)] = [
        "attn": ([], []),
        "autolfads-torch": ([], ["BP143"]),                                   // #23 ends with workflow.sh;
        "caiman_web_stack": (["BP121"], ["BP156"]),                           // #10 epipostprocess, #17 e-mail users
        "cianalysispermastack": ([], ["BP133"]),                              // #31
        "contrib-bardensr": ([], ["BP133"]),
        "contrib-template_mats": (["BP140", "BP160"], ["BP115"]),             // #20 named field, #27 templatestack, §4.6 webdev
        "contrib-templatestack": (["BP160"], ["BP133"]),                      // #27
        "contrib-testanalysis": (["BP160"], ["BP104", "BP133"]),              // #27, #30 localenv
        "dgp-refactor": ([], []),
        "dlc_dev_stack": (["BP121"], ["BP133"]),                              // #10
        "ensemble_dgp_web_stack": ([], ["BP133"]),
        "epi_dev_stack": (["BP121"], ["BP115", "BP133", "BP153", "BP155"]),   // #10, §4.6, #14 case, #12
        "frontend_example2_stack": (["BP120"], ["BP106", "BP143", "BP153", "BP155"]), // #9, #26, #23, #14, #12
        "label-job-create": ([], ["BP107", "BP143"]),                         // #28 Requirements, #23
        "locanmf_web_stack": ([], ["BP115", "BP133", "BP142", "BP155"]),      // §4.6, #21 unquoted, #12
        "radical": ([], ["BP115"]),                                           // §4.6
        "sam_abstraction_stack": (["BP105", "BP110", "BP120", "BP151"], ["BP143"]), // #1, #3, #5, #6, #9, #13, #15, #16
        "sam_cnmf_stack": (["BP110", "BP120"], ["BP106", "BP143"]),           // #1, #9, #26
        "sam_example_stack": (["BP110", "BP120"], ["BP106", "BP143"]),
        "sam_locanmf_stack": (["BP110"], ["BP106", "BP142", "BP143"]),        // #1, #21
        "sam_test_stack": (["BP110", "BP120"], ["BP137", "BP143"]),           // #25 ~/home/ec2-user
        "sam_yass_deploy_stack": (["BP110", "BP120"], ["BP106", "BP143", "BP153"]),
        "widefield_dev_stack": (["BP105", "BP114", "BP120", "BP131", "BP152"], ["BP106", "BP143"]), // #2-4, #6, #7, #14
        "widefield_patch_stack": ([], ["BP153", "BP155"]),                    // #12 coutoucla twice, #14
    ]

    private func files() throws -> [String] {
        let dir = TestPaths.sharedBlueprints
        guard FileManager.default.fileExists(atPath: dir.path) else {
            XCTFail("\(dir.path) is missing: the shared folder must sit beside the checkout (or set BPCTL_SHARED)")
            return []
        }
        return try FileDiscovery.blueprints(in: [dir.path])
    }

    private func stack(_ path: String) -> String { URL(fileURLWithPath: path).deletingLastPathComponent().lastPathComponent }

    func testEveryBlueprintGivesTheHandCheckedFindings() throws {
        let files = try files()
        XCTAssertEqual(Set(files.map(stack)), Set(Self.expected.keys), "the shared blueprints changed")
        let report = Validator.validate(files: files)
        XCTAssertEqual(report.unreadable, 0)
        for file in report.files {
            let name = stack(file.path)
            guard let want = Self.expected[name] else { continue }
            let errors = Set(file.diagnostics.filter { $0.severity == .error }.map(\.ruleID))
            let warnings = Set(file.diagnostics.filter { $0.severity == .warning }.map(\.ruleID))
            XCTAssertEqual(errors, want.errors, "\(name) errors")
            XCTAssertEqual(warnings, want.warnings, "\(name) warnings")
        }
        XCTAssertEqual(report.exitCode(failOn: .error), ExitStatus.findings)
    }

    func testSpecificFindingsPointAtTheValue() throws {
        let report = Validator.validate(files: try files())
        func find(_ stack: String, _ rule: String, _ pointer: String) -> Diagnostic? {
            report.files.first { self.stack($0.path) == stack }?.diagnostics.first { $0.ruleID == rule && $0.pointer == pointer }
        }
        // #2: STAGE prose, reported once as a template leftover at its value.
        let stage = try XCTUnwrap(find("widefield_dev_stack", "BP105", "/STAGE"))
        XCTAssertEqual("\(stage.start)", "4:13")
        // #5: AMI "your ami here".
        XCTAssertNotNil(find("sam_abstraction_stack", "BP105", "/Lambda/LambdaConfig/AMI"))
        // #15, #16: UserNames and UserInput prose in both affiliates.
        for i in 0..<2 {
            XCTAssertNotNil(find("sam_abstraction_stack", "BP105", "/UXData/Affiliates/\(i)/UserNames"))
            XCTAssertNotNil(find("sam_abstraction_stack", "BP105", "/UXData/Affiliates/\(i)/UserInput"))
        }
        // #20: the caret is on the named field itself, escapes in the JSON string accounted for.
        let named = try XCTUnwrap(find("contrib-template_mats", "BP140", "/Lambda/LambdaConfig/COMMAND"))
        let source = try XCTUnwrap(report.files.first { stack($0.path) == "contrib-template_mats" }?.source)
        let line = source.lineText(named.start.line)
        XCTAssertTrue(line.dropFirst(named.start.column - 1).hasPrefix("{write analysis_script_here}"), line)
        // #12: widefield_patch lists coutoucla in two affiliates.
        let dup = report.files.first { stack($0.path) == "widefield_patch_stack" }?.diagnostics.first { $0.ruleID == "BP155" }
        XCTAssertTrue(dup?.message.contains("coutoucla") ?? false)
        XCTAssertEqual(dup?.related.count, 1)
        // #18/#19: legacy handlers get an info about their placeholder count (BP147), not BP141's error.
        for name in ["sam_abstraction_stack", "sam_cnmf_stack", "sam_test_stack", "sam_locanmf_stack"] {
            let diags = report.files.first { stack($0.path) == name }?.diagnostics ?? []
            XCTAssertEqual(diags.first { $0.ruleID == "BP147" }?.severity, .info, name)
            XCTAssertNil(diags.first { $0.ruleID == "BP141" }, name)
        }
    }

    /// With the protocol sources (a model of ncap_iac/protocols at 04828bd, §2.2), CodeUri is
    /// resolved: exactly the seven shared files with a missing CodeUri directory fail (#11).
    func testCodeUriAgainstProtocolSources() throws {
        let dir = try temporaryDirectory(self)
        let sources = [
            "submit_start.py": "def handler_develop(event, context):\n    pass\n\ndef handler_ensemble(event, context):\n    pass\n",
            "submit_start_legacy_wfield_preprocess.py": "def handler(event, context):\n    pass\n",
            "postprocess.py": "def postprocess_prediction(event, context):\n    pass\n",
            "data_format_lambda.py": "def lambda_handler(event, context):\n    pass\n",
            "locanmf_temp/submit.py": "def handler(event, context):\n    pass\n",
        ]
        for (name, text) in sources { try write(text, to: dir.appendingPathComponent(name)) }
        let report = Validator.validate(files: try files(), options: ValidationOptions(protocolsDirectory: dir.path))
        let missing = Set(report.files.filter { $0.diagnostics.contains { $0.ruleID == "BP123" } }.map { stack($0.path) })
        XCTAssertEqual(missing, ["frontend_example2_stack", "sam_abstraction_stack", "sam_cnmf_stack", "sam_example_stack",
                                 "sam_locanmf_stack", "sam_yass_deploy_stack", "widefield_dev_stack"])
        XCTAssertFalse(report.all.contains { $0.ruleID == "BP123" && $0.severity == .info }, "nothing should be skipped")
        // Handlers that exist in the sources are not reported; removed ones stay BP120's alone.
        XCTAssertEqual(report.all.filter { $0.ruleID == "BP124" }.map(\.message), [])
    }

    /// Every finding's position is inside its file and its pointer names a real node.
    func testPositionsAndPointersAreConsistent() throws {
        let report = Validator.validate(files: try files())
        for file in report.files {
            let source = try XCTUnwrap(file.source)
            let doc = try Document.parse(path: file.path, bytes: source.bytes).get()
            for d in file.diagnostics {
                XCTAssertLessThanOrEqual(d.start.line, source.lineCount, d.message)
                XCTAssertGreaterThanOrEqual(d.start.column, 1)
                if let pointer = d.pointer {
                    XCTAssertNotNil(JSONPointer.resolve(pointer, in: doc.root), "\(d.ruleID) \(pointer) in \(file.path)")
                }
            }
        }
    }
}
