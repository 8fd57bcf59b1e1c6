// The deployed analysis that the planner and applier tests plan against and change, shared by
// both test targets (a test target cannot import another's files).
import AWSClient
import BlueprintKit
import Foundation
import Planner
import TestSupport

/// A blueprint as the tests write it: every field the plan compares can be varied.
public struct TestBlueprint {
    public var pipeline: String
    public var stage: String
    public var ami: String
    public var instanceType: String
    public var command: String
    public var affiliates: [(name: String, users: [String])]
    public var region: String

    public init(pipeline: String,
                stage: String = "websubstack",
                ami: String = "ami-0123456789abcdef0",
                instanceType: String = "t2.micro",
                command: String = #"cd /home/ubuntu; neurocaas_contrib/run_main_cli.sh \"{}\" \"{}\" \"{}\" \"{}\" \"epi/run.sh\"; . neurocaas_contrib/ncap_utils/workflow.sh; cleanup"#,
                affiliates: [(name: String, users: [String])] = [("cunninghamlab", ["alice", "bob"]), ("debuggers", ["carol"])],
                region: String = "us-east-1") {
        self.pipeline = pipeline; self.stage = stage; self.ami = ami; self.instanceType = instanceType
        self.command = command; self.affiliates = affiliates; self.region = region
    }

    public var json: String {
        let affs = affiliates.map { a in
            """
                        {
                            "AffiliateName": "\(a.name)",
                            "UserNames": [\(a.users.map { "\"\($0)\"" }.joined(separator: ", "))],
                            "UserInput": true,
                            "ContactEmail": "lab@example.org"
                        }
            """
        }.joined(separator: ",\n")
        return """
        {
            "PipelineName": "\(pipeline)",
            "REGION": "\(region)",
            "STAGE": "\(stage)",
            "Lambda": {
                "CodeUri": "../../protocols",
                "Handler": "submit_start.handler_develop",
                "LambdaConfig": {
                    "AMI": "\(ami)",
                    "INSTANCE_TYPE": "\(instanceType)",
                    "REGION": "\(region)",
                    "IAM_ROLE": "SSMRole",
                    "KEY_NAME": "testkeystack-custom-dev-key-pair",
                    "SECURITY_GROUPS": "testsgstack-SecurityGroupDeploy-C2Q3PGSF77Y3",
                    "WORKING_DIRECTORY": "~/bin",
                    "COMMAND": "\(command)",
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
        \(affs)
                ]
            }
        }

        """
    }

    public func write(to dir: URL, name: String = "stack_config_template.json") throws -> String {
        let url = dir.appendingPathComponent(name)
        try Data(json.utf8).write(to: url)
        return url.path
    }
}

/// Deploys a blueprint into moto the way NeuroCAAS's websubstack deploy leaves it: a stack with
/// the bucket, MainLambda (environment = compiled LambdaConfig plus injected keys) and one
/// nested stack per affiliate; users, groups, memberships and policies through the IAM API
/// (moto's CloudFormation does not create IAM groups); the affiliate folders in the bucket.
public enum DeployedAnalysis {
    public static func deploy(_ bp: TestBlueprint, client: AWSClient) async throws {
        let doc = try Document.parse(path: "deployed.json", bytes: Array(bp.json.utf8)).get()
        let desired = DesiredState(blueprint: Blueprint(document: doc))
        let s3 = S3(client), iam = IAM(client), cfn = CloudFormation(client)

        // The shared user substack template (utils_stack), from an artifact bucket.
        let artifacts = "artifacts-\(bp.pipeline)"
        try await s3.createBucket(artifacts)
        let sub = #"{"Parameters": {"Name": {"Type": "String"}, "BucketName": {"Type": "String"}, "UserNames": {"Type": "String"}, "MakeFuncArn": {"Type": "String"}}, "Resources": {"Handle": {"Type": "AWS::CloudFormation::WaitConditionHandle"}}}"#
        try await s3.putObject(bucket: artifacts, key: "user_subtemplate.json", body: Array(sub.utf8))
        let role = "lambda-\(bp.pipeline)"
        _ = try await client.query(.iam, action: "CreateRole", version: "2010-05-08",
                                   [("RoleName", role), ("AssumeRolePolicyDocument", #"{"Version":"2012-10-17","Statement":[]}"#)])

        var env: [String: String] = [:]
        for e in LambdaEnvironment.compile(desired.blueprint.lambda?.config) {
            if case .string(let s) = e.value { env[e.key] = s }
        }
        env["versionid"] = "0123456789abcdef\n"
        env["figlambid"] = "\(bp.pipeline)-FigLambda"
        env["cwrolearn"] = "arn:aws:iam::123456789012:role/cw"
        var resources: [String: Any] = [
            "PipelineMainBucket": ["Type": "AWS::S3::Bucket", "Properties": ["BucketName": bp.pipeline]],
            "MainLambda": ["Type": "AWS::Lambda::Function", "Properties": [
                "Handler": "submit_start.handler_develop", "Runtime": "python3.12", "Timeout": 900,
                "Role": "arn:aws:iam::123456789012:role/\(role)", "Code": ["ZipFile": "def handler(e, c): pass"],
                "Environment": ["Variables": env]]],
        ]
        for a in desired.affiliates {
            resources["UserSubstack\(a.index)"] = ["Type": "AWS::CloudFormation::Stack", "Properties": [
                "TemplateURL": "https://\(artifacts).s3.amazonaws.com/user_subtemplate.json",
                "Parameters": ["Name": a.name, "BucketName": bp.pipeline, "UserNames": a.members.joined(separator: ","), "MakeFuncArn": "arn"]]]
        }
        let template = String(decoding: try JSONSerialization.data(withJSONObject: ["Resources": resources]), as: UTF8.self)
        _ = try await cfn.createStack(bp.pipeline, template: template, capabilities: ["CAPABILITY_NAMED_IAM", "CAPABILITY_AUTO_EXPAND"])

        for user in desired.users where try await iam.getUser(user) == nil { try await iam.createUser(user) }
        for a in desired.affiliates {
            try await iam.createGroup(a.group)
            for m in a.members { try await iam.addUserToGroup(user: m, group: a.group) }
            try await iam.putGroupPolicy(group: a.group, name: AccessPolicy.name(affiliate: a.name),
                                         document: AccessPolicy.document(bucket: bp.pipeline, affiliate: a.name))
            for folder in AccessPolicy.folders(affiliate: a.name) { try await s3.putObject(bucket: bp.pipeline, key: folder, body: []) }
        }
    }

    /// The physical name of the stack's MainLambda.
    public static func mainLambda(_ pipeline: String, client: AWSClient) async throws -> String {
        try await CloudFormation(client).describeStackResource(pipeline, logicalID: "MainLambda")?.physicalID ?? ""
    }
}
