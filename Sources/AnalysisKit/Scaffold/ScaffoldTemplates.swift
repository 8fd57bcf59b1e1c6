import BlueprintKit

/// The files of a new analysis folder, as text. The blueprint follows the current protocol
/// (submit_start.handler_develop, run_main_cli.sh with four quoted placeholders and cleanup).
enum ScaffoldTemplates {
    static let ssmTimeout = 172000

    static func blueprint(_ o: ScaffoldOptions) -> String {
        let region = o.region ?? ScaffoldOptions.defaultRegion
        let affiliates = (o.affiliates.isEmpty ? [ScaffoldOptions.defaultAffiliate] : o.affiliates).map { a in
            let users = a.users.map { JSONOut.string($0).serialized(pretty: false) }.joined(separator: ", ")
            return """
                        {
                            "AffiliateName": \(q(a.name)),
                            "UserNames": [\(users)],
                            "UserInput": true
                        }
            """
        }.joined(separator: ",\n")
        let command = "cd /home/ubuntu; neurocaas_contrib/run_main_cli.sh \"{}\" \"{}\" \"{}\" \"{}\" \"\(o.name)/run.sh\"; . neurocaas_contrib/ncap_utils/workflow.sh; cleanup"
        return """
        {
            "PipelineName": \(q(o.pipelineName ?? o.name)),
            "REGION": \(q(region)),
            "STAGE": \(q(o.stage ?? ScaffoldOptions.defaultStage)),
            "Lambda": {
                "CodeUri": "../../protocols",
                "Handler": "submit_start.handler_develop",
                "LambdaConfig": {
                    "AMI": \(q(o.ami ?? ScaffoldOptions.placeholderAMI)),
                    "INSTANCE_TYPE": \(q(o.instanceType ?? ScaffoldOptions.defaultInstanceType)),
                    "REGION": \(q(region)),
                    "IAM_ROLE": "SSMRole",
                    "KEY_NAME": "testkeystack-custom-dev-key-pair",
                    "SECURITY_GROUPS": "testsgstack-SecurityGroupDeploy-C2Q3PGSF77Y3",
                    "WORKING_DIRECTORY": "~/bin",
                    "COMMAND": \(q(command)),
                    "SHUTDOWN_BEHAVIOR": "terminate",
                    "EXECUTION_TIMEOUT": 900,
                    "SSM_TIMEOUT": \(ssmTimeout),
                    "LAUNCH": true,
                    "MONITOR": true,
                    "DEPLOY_LIMIT": 100,
                    "MAXCOST": "300"
                }
            },
            "UXData": {
                "Affiliates": [
        \(affiliates)
                ]
            }
        }

        """
    }

    static func runScript(_ o: ScaffoldOptions) -> String {
        """
        #!/bin/bash
        # \(o.name): the analysis script run_main_cli.sh runs on the instance (COMMAND's fifth argument).
        # run_main_cli.sh has already registered this job's dataset, config and result path.
        set -euo pipefail

        neurocaas-contrib workflow get-data
        neurocaas-contrib workflow get-config
        datapath=$(neurocaas-contrib workflow get-datapath)
        configpath=$(neurocaas-contrib workflow get-configpath)
        resultdir=$(neurocaas-contrib workflow get-resultpath-tmp)

        # Read parameters from the config (defaults after -d):
        threshold=$(neurocaas-contrib scripting read-yaml -p "$configpath" -f threshold -d 0.5)

        # TODO: run the analysis on "$datapath", writing outputs into "$resultdir".
        echo "analysing $(basename "$datapath") with threshold $threshold"
        echo "threshold: $threshold" > "$resultdir/summary.txt"

        neurocaas-contrib workflow put-result -r "$resultdir/summary.txt"

        """
    }

    static func submit(_ o: ScaffoldOptions) -> String {
        let group = (o.affiliates.first ?? ScaffoldOptions.defaultAffiliate).name
        return """
        {
            "dataname": \(q("\(group)/inputs/data.zip")),
            "configname": \(q("\(group)/configs/config.yaml")),
            "timestamp": "debugging_identifier"
        }

        """
    }

    static let config = """
    # Analysis parameters (described in config.schema.json; bpctl check-job applies it):
    threshold: 0.5

    # NeuroCAAS parameters:
    # __duration__: the longest a job may run, in minutes (INTEGER); used for the cost check.
    __duration__: 60
    # __dataset_size__: extra disk for the dataset, in GB (INTEGER).
    __dataset_size__: 10

    """

    static func schema(_ o: ScaffoldOptions) -> String {
        """
        {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": \(q("\(o.name) config")),
            "description": "The parameters users may set in a config for this analysis. bpctl check-job applies this schema.",
            "type": "object",
            "properties": {
                "threshold": {"type": "number", "minimum": 0, "maximum": 1, "description": "detection threshold, 0 to 1"},
                "__duration__": {"type": "integer", "minimum": 1, "maximum": \(ssmTimeout / 60), "description": "longest job run time in minutes"},
                "__dataset_size__": {"type": "integer", "minimum": 0, "description": "extra disk for the dataset in GB"}
            }
        }

        """
    }

    private static func q(_ s: String) -> String { JSONOut.string(s).serialized(pretty: false) }
}
