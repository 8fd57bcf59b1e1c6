import Foundation
import TestSupport

/// A git repository holding one blueprint, for the applier tests.
final class BlueprintRepo {
    let git: GitFixture
    let relative: String
    let pipeline: String

    static func json(pipeline: String, ami: String) -> String {
        """
        {
          "PipelineName": "\(pipeline)",
          "REGION": "us-east-1",
          "STAGE": "websubstack",
          "Lambda": {"CodeUri": "../../protocols", "Handler": "submit_start.handler_develop",
                     "LambdaConfig": {"AMI": "\(ami)", "INSTANCE_TYPE": "t2.micro", "REGION": "us-east-1",
                                      "COMMAND": "cd /home/ubuntu; bash run.sh"}},
          "UXData": {"Affiliates": [{"AffiliateName": "lab", "UserNames": ["alice"], "UserInput": true,
                                     "ContactEmail": "NOTE"}]}
        }

        """
    }

    static func yaml(pipeline: String, ami: String) -> String {
        """
        # the pipeline's blueprint
        PipelineName: \(pipeline)
        REGION: us-east-1
        Lambda:
          CodeUri: ../../protocols
          LambdaConfig:
            AMI: '\(ami)'   # saved from the dev instance
            INSTANCE_TYPE: t2.micro
        UXData:
          Affiliates:
            - AffiliateName: lab
              UserNames: [alice]

        """
    }

    init(yaml: Bool = false, ami: String = "ami-00000000000000001") throws {
        git = try GitFixture()
        pipeline = "bpctl-test-\(UUID().uuidString.prefix(8).lowercased())"
        relative = "ncap_iac/ncap_blueprints/\(pipeline)/stack_config_template.\(yaml ? "yaml" : "json")"
        try git.commit([relative: yaml ? Self.yaml(pipeline: pipeline, ami: ami) : Self.json(pipeline: pipeline, ami: ami),
                        "README.md": "neurocaas fork\n"], message: "initial")
    }

    var path: String { git.path(relative) }
    func text() throws -> String { try git.read(relative) }
    func log() throws -> [String] { try git.git("log", "--format=%s").split(separator: "\n").map(String.init) }
}
