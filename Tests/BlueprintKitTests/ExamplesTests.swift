import Foundation
import XCTest
@testable import BlueprintKit

final class ExamplesTests: XCTestCase {
    private func examples(_ name: String) -> String { TestPaths.repo.appendingPathComponent("examples/\(name)").path }

    /// The JSON example is the blueprint the rule examples start from: the same values, in
    /// `bpctl fmt`'s layout (FmtCLITests checks that) where the examples' base keeps short arrays
    /// on one line for their text edits.
    func testCleanExampleIsTheRuleExampleBase() throws {
        let file = try Data(contentsOf: URL(fileURLWithPath: examples("clean/stack_config_template.json")))
        let example = try XCTUnwrap(JSONSerialization.jsonObject(with: file) as? NSDictionary)
        let base = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(ExampleBlueprints.clean.utf8)) as? NSDictionary)
        XCTAssertEqual(example, base)
    }

    func testCleanExamplesHaveNoErrorsOrWarnings() throws {
        let r = Validator.validate(files: try FileDiscovery.blueprints(in: [examples("clean"), examples("clean-yaml")]))
        XCTAssertEqual(r.files.count, 2)
        XCTAssertEqual(r.all.filter { $0.severity >= .warning }.map(\.message), [])
    }

    /// The broken example triggers most rules (it is the README's demonstration).
    func testBrokenExampleTriggersMostFileRules() throws {
        let r = Validator.validate(files: [examples("broken/stack_config_template.json")])
        let triggered = Set(r.all.map(\.ruleID))
        let fileRules = Set(RuleCatalog.fileRules.map { $0.description.id })
        XCTAssertGreaterThan(triggered.intersection(fileRules).count, fileRules.count / 2, "\(triggered.sorted())")
    }

    /// The same blueprint in YAML and JSON gives the same findings (positions aside).
    func testYAMLAndJSONAgree() throws {
        let yaml = """
        PipelineName: epi_analysis
        REGION: us-east-1
        Lambda:
          CodeUri: ../../protocols
          Handler: submit_start.handler_develop
          LambdaConfig:
            AMI: ami-12
            INSTANCE_TYPE: p3.2xlarge
            REGION: us-east-1
            IAM_ROLE: SSMRole
            KEY_NAME: key
            COMMAND: run.sh "{}" "{}" "{}"
            EXECUTION_TIMEOUT: "900"
        UXData:
          Affiliates:
            - AffiliateName: lab
              UserNames: [alice, alice]

        """
        let json = """
        {"PipelineName": "epi_analysis", "REGION": "us-east-1",
         "Lambda": {"CodeUri": "../../protocols", "Handler": "submit_start.handler_develop",
           "LambdaConfig": {"AMI": "ami-12", "INSTANCE_TYPE": "p3.2xlarge", "REGION": "us-east-1", "IAM_ROLE": "SSMRole",
             "KEY_NAME": "key", "COMMAND": "run.sh \\"{}\\" \\"{}\\" \\"{}\\"", "EXECUTION_TIMEOUT": "900"}},
         "UXData": {"Affiliates": [{"AffiliateName": "lab", "UserNames": ["alice", "alice"]}]}}
        """
        let options = ValidationOptions(fleetChecks: false, configFiles: false)
        let a = Validator.validate(inputs: [("x.yaml", Array(yaml.utf8))], options: options).all
        let b = Validator.validate(inputs: [("x.json", Array(json.utf8))], options: options).all
        XCTAssertEqual(a.map { "\($0.ruleID) \($0.pointer ?? "")" }.sorted(), b.map { "\($0.ruleID) \($0.pointer ?? "")" }.sorted())
        XCTAssertTrue(a.contains { $0.ruleID == "BP101" && $0.pointer == "/Lambda/LambdaConfig/EXECUTION_TIMEOUT" })
    }
}
