#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// An input that a rule must (or must not) flag. Most examples are the clean current-protocol
/// blueprint with a text edit, so each reads as "this change breaks it".
public struct RuleExample: Sendable {
    public struct Document: Sendable {
        public let path: String
        public let text: String
    }

    /// How the documents are made. Kept unexpanded: descriptions are built at start-up (for
    /// SARIF and `bpctl rules`) and the edited texts are only needed by tests and docs.
    enum Source: Sendable {
        case edits([[(String, String)]])
        case literal(path: String, text: String)
    }

    let source: Source
    /// Files of a fake protocols tree (path relative to the `--protocols` directory → content).
    public let protocols: [String: String]?
    /// Extra files beside the blueprint (e.g. a `.bpctl.yaml`), relative to its directory.
    public let files: [String: String]

    init(_ source: Source, protocols: [String: String]? = nil, files: [String: String] = [:]) {
        self.source = source
        self.protocols = protocols
        self.files = files
    }

    /// Blueprints validated together (one for file rules; several for fleet rules).
    public var documents: [Document] {
        switch source {
        case .literal(let path, let text): return [Document(path: path, text: text)]
        case .edits(let copies) where copies.count == 1:
            return [Document(path: "stack/stack_config_template.json", text: ExampleBlueprints.applying(copies[0]))]
        case .edits(let copies):
            return copies.enumerated().map { Document(path: "stack\($0.offset)/stack_config_template.json", text: ExampleBlueprints.applying($0.element)) }
        }
    }

    /// The clean blueprint with text replaced. Each `(old, new)` must occur in the clean text.
    public static func edit(_ edits: (String, String)..., protocols: [String: String]? = nil) -> RuleExample {
        RuleExample(.edits([edits]), protocols: protocols)
    }

    /// The clean blueprint unchanged.
    public static var clean: RuleExample { edit() }

    /// A literal blueprint.
    public static func json(_ text: String) -> RuleExample {
        RuleExample(.literal(path: "stack/stack_config_template.json", text: text))
    }

    public static func yaml(_ text: String) -> RuleExample {
        RuleExample(.literal(path: "stack/stack_config_template.yaml", text: text))
    }

    /// Several edited copies of the clean blueprint, validated together.
    public static func fleet(_ copies: [[(String, String)]]) -> RuleExample {
        RuleExample(.edits(copies))
    }

    /// The clean blueprint plus files beside it.
    public static func withFiles(_ files: [String: String], _ edits: (String, String)...) -> RuleExample {
        RuleExample(.edits([edits]), files: files)
    }
}

/// The reference blueprint of the current protocol that examples start from: examples/clean's
/// content with its short arrays on one line (`"UserNames": ["carol"]`), the form the examples'
/// text edits name; examples/clean itself is in `bpctl fmt`'s layout.
public enum ExampleBlueprints {
    public static let clean = """
    {
        "PipelineName": "epi-analysis",
        "REGION": "us-east-1",
        "STAGE": "websubstack",
        "Lambda": {
            "CodeUri": "../../protocols",
            "Handler": "submit_start.handler_develop",
            "LambdaConfig": {
                "AMI": "ami-0123456789abcdef0",
                "INSTANCE_TYPE": "p3.2xlarge",
                "REGION": "us-east-1",
                "IAM_ROLE": "SSMRole",
                "KEY_NAME": "testkeystack-custom-dev-key-pair",
                "SECURITY_GROUPS": "testsgstack-SecurityGroupDeploy-C2Q3PGSF77Y3",
                "WORKING_DIRECTORY": "~/bin",
                "COMMAND": "cd /home/ubuntu; neurocaas_contrib/run_main_cli.sh \\"{}\\" \\"{}\\" \\"{}\\" \\"{}\\" \\"epi/run.sh\\"; . neurocaas_contrib/ncap_utils/workflow.sh; cleanup",
                "SHUTDOWN_BEHAVIOR": "terminate",
                "EXECUTION_TIMEOUT": 900,
                "SSM_TIMEOUT": 172000,
                "LAUNCH": true,
                "MONITOR": true,
                "DEPLOY_LIMIT": 100,
                "MAXCOST": "300"
            }
        },
        "UXData": {
            "Affiliates": [
                {
                    "AffiliateName": "cunninghamlab",
                    "UserNames": ["alice", "bob"],
                    "UserInput": true,
                    "ContactEmail": "lab@example.org"
                },
                {
                    "AffiliateName": "debuggers",
                    "UserNames": ["carol"],
                    "UserInput": true,
                    "ContactEmail": "debug@example.org"
                }
            ]
        }
    }

    """

    /// Apply text replacements (first occurrence of each); a replacement whose target is missing is a programming error in
    /// an example, reported by returning a marker the example test fails on.
    public static func applying(_ edits: [(String, String)]) -> String {
        var text = clean
        for (old, new) in edits {
            guard let r = text.firstRange(of: old) else { return "EXAMPLE EDIT TARGET NOT FOUND: \(old)" }
            text.replaceSubrange(r, with: new)
        }
        return text
    }
}
