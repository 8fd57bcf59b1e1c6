import Foundation
import XCTest
@testable import BlueprintKit

final class SuppressionTests: XCTestCase {
    private let broken = ExampleBlueprints.applying([("\"AMI\": \"ami-0123456789abcdef0\"", "\"AMI\": \"ami-XYZ\""),
                                                     ("\"MONITOR\": true", "\"MONITOR\": false")])

    private func layout(_ config: String?) throws -> (URL, URL) {
        let root = try temporaryDirectory(self)
        let a = root.appendingPathComponent("stacks/epi/stack_config_template.json")
        let b = root.appendingPathComponent("stacks/dlc/stack_config_template.json")
        try write(broken, to: a)
        try write(broken.replacingOccurrences(of: "epi-analysis", with: "dlc-analysis"), to: b)
        if let config { try write(config, to: root.appendingPathComponent(".bpctl.yaml")) }
        return (a, b)
    }

    func testCommandLineIgnore() {
        let r = Validator.validate(inputs: [("x.json", Array(broken.utf8))], options: ValidationOptions(ignoredRules: ["BP130"], configFiles: false))
        XCTAssertFalse(r.all.contains { $0.ruleID == "BP130" })
        XCTAssertTrue(r.all.contains { $0.ruleID == "BP106" })
        XCTAssertEqual(r.suppressed, 1)
    }

    func testConfigFileWithPathGlob() throws {
        let (a, b) = try layout("""
        ignore:
          - rule: BP130
            path: stacks/epi/**
            reason: the epi AMI is replaced in the next PR
          - rule: falsy-default
            reason: monitoring is forced on by the compiler anyway

        """)
        let r = Validator.validate(files: [a.path, b.path])
        let byFile = Dictionary(uniqueKeysWithValues: r.files.map { ($0.path, Set($0.diagnostics.map(\.ruleID))) })
        XCTAssertFalse(byFile[a.path]!.contains("BP130"), "suppressed by the glob")
        XCTAssertTrue(byFile[b.path]!.contains("BP130"), "the glob does not cover dlc")
        XCTAssertFalse(byFile[a.path]!.contains("BP106"))
        XCTAssertFalse(byFile[b.path]!.contains("BP106"))
        XCTAssertEqual(r.files.count, 2, "a valid config adds no findings of its own")
    }

    func testSuppressionWithoutReasonWarns() throws {
        let (a, _) = try layout("ignore:\n  - rule: BP130\n  - rule: BP9999\n    reason: typo\n")
        let r = Validator.validate(files: [a.path])
        let config = try XCTUnwrap(r.files.first { $0.path.hasSuffix(".bpctl.yaml") })
        XCTAssertEqual(config.diagnostics.map(\.ruleID), ["BP900", "BP901"])
        XCTAssertEqual(config.diagnostics.map(\.start.line), [2, 3])
        XCTAssertFalse(r.files[0].diagnostics.contains { $0.ruleID == "BP130" }, "still applied")
    }

    func testMalformedConfigIsReported() throws {
        let (a, _) = try layout("ignore: [rule: BP130\n")
        let r = Validator.validate(files: [a.path])
        let config = try XCTUnwrap(r.files.first { $0.path.hasSuffix(".bpctl.yaml") })
        XCTAssertEqual(config.diagnostics.first?.ruleID, "BP000")
        XCTAssertEqual(r.exitCode(failOn: .never), ExitStatus.usage)
    }

    func testInlineMetadataIgnore() {
        let text = broken.replacingOccurrences(of: "\"STAGE\": \"websubstack\",",
            with: "\"STAGE\": \"websubstack\", \"Metadata\": {\"bpctl\": {\"ignore\": [{\"rule\": \"BP130\", \"reason\": \"image being rebuilt\"}, {\"rule\": \"BP106\"}]}},")
        let r = Validator.validate(inputs: [("x.json", Array(text.utf8))], options: ValidationOptions(configFiles: false))
        let ids = r.all.map(\.ruleID)
        XCTAssertFalse(ids.contains("BP130"))
        XCTAssertFalse(ids.contains("BP106"))
        XCTAssertTrue(ids.contains("BP900"), "the BP106 entry has no reason")
        XCTAssertFalse(ids.contains("BP102"), "Metadata is a known key")
    }

    func testGlob() {
        XCTAssertTrue(Glob.matches("stacks/**", "stacks/a/b/c.json"))
        XCTAssertTrue(Glob.matches("**/stack_config_template.json", "x/y/stack_config_template.json"))
        XCTAssertTrue(Glob.matches("sam_*/*.json", "sam_test_stack/stack_config_template.json"))
        XCTAssertFalse(Glob.matches("sam_*/*.json", "dlc/stack_config_template.json"))
        XCTAssertTrue(Glob.matches("a/?.json", "a/b.json"))
        XCTAssertFalse(Glob.matches("a/*.json", "a/b/c.json"))
    }
}
