import BlueprintKit
import Foundation
import Planner

/// A blueprint → the CloudFormation template of a new analysis (blueprint-reference §4.3–4.9)
/// in plain resource types, so no SAM transform, `sam build` or Docker is needed: the bucket
/// with its S3 notifications, MainLambda (and SearchLambda) with the compiled environment, the
/// role they run as, and under websubstack one UserSubstack<i> nested stack per affiliate.
/// Pure: the same inputs give the same bytes (golden-tested).
public enum TemplateCompiler {
    public struct Code: Sendable, Equatable {
        public let bucket: String
        public let key: String
        public init(bucket: String, key: String) { self.bucket = bucket; self.key = key }
    }

    /// Current Lambda Python: the deploy's python3.7 is deprecated and refused for new functions.
    public static let runtime = "python3.12"

    public static func compile(_ d: DesiredState, code: Code, postCode: Code?, substackTemplateURL: String?, versionID: String) -> String {
        var resources: [String: Any] = [:]
        let bucketArn = "arn:aws:s3:::\(d.pipeline)"
        resources["LambdaBaseRole"] = ["Type": "AWS::IAM::ManagedPolicy", "Properties": ["PolicyDocument": policy([
            ["Effect": "Allow", "Action": ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"], "Resource": "arn:aws:logs:*:*:*"],
        ])]]
        // What the job manager does (§5): read and write the bucket, start and tag instances
        // passing their role, run commands over SSM, schedule monitoring, read budgets.
        resources["MainLambdaRole"] = ["Type": "AWS::IAM::Role", "Properties": [
            "AssumeRolePolicyDocument": policy([["Effect": "Allow", "Principal": ["Service": ["lambda.amazonaws.com"]], "Action": ["sts:AssumeRole"]]]),
            "ManagedPolicyArns": [["Ref": "LambdaBaseRole"]],
            "Policies": [["PolicyName": "job_manager_policy", "PolicyDocument": policy([
                ["Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:ListBucket", "s3:GetObjectTagging", "s3:PutObjectTagging"],
                 "Resource": [bucketArn, bucketArn + "/*"]],
                ["Effect": "Allow", "Action": ["ec2:RunInstances", "ec2:StartInstances", "ec2:StopInstances", "ec2:TerminateInstances", "ec2:CreateTags",
                                               "ec2:Describe*", "ssm:SendCommand", "ssm:GetCommandInvocation", "ssm:GetParameter", "ssm:PutParameter",
                                               "events:PutRule", "events:PutTargets", "events:DeleteRule", "events:RemoveTargets", "events:ListTargetsByRule",
                                               "cloudwatch:GetMetricStatistics", "iam:PassRole", "iam:ListGroupsForUser"],
                 "Resource": "*"],
            ])]],
        ]]
        var environment: [String: Any] = [:]
        for e in LambdaEnvironment.compile(d.blueprint.lambda?.config) {
            if case .string(let s) = e.value { environment[e.key] = s }
        }
        // The deploy's `git rev-parse HEAD` output, newline included (§4.8).
        environment["versionid"] = versionID + "\n"
        let timeout = Int(environment["EXECUTION_TIMEOUT"] as? String ?? "") ?? 900
        monitoring(d, code: code, environment: environment, into: &resources)
        // The job manager schedules each job's end-of-job rule with these (§4.8, §5.10).
        environment["figlambid"] = ["Ref": "FigLambda"]
        environment["figlambarn"] = ["Fn::GetAtt": ["FigLambda", "Arn"]]
        environment["cwrolearn"] = ["Fn::GetAtt": ["CloudWatchBusRole", "Arn"]]
        var notifications: [[String: Any]] = []
        var functions: [(id: String, handler: String, code: Code)] = [(ResourceAddress.mainLambda, d.blueprint.handlerValue ?? "", code)]
        if let postCode, let handler = d.blueprint.lambda?.postHandler?.node.string { functions.append((ResourceAddress.searchLambda, handler, postCode)) }
        for f in functions {
            resources[f.id] = ["Type": "AWS::Lambda::Function", "Properties": [
                "Handler": f.handler, "Runtime": runtime, "MemorySize": 128, "Timeout": timeout,
                "Role": ["Fn::GetAtt": ["MainLambdaRole", "Arn"]],
                "Code": ["S3Bucket": f.code.bucket, "S3Key": f.code.key],
                "Environment": ["Variables": environment],
            ] as [String: Any]]
            resources[f.id + "S3Permission"] = ["Type": "AWS::Lambda::Permission", "Properties": [
                "Action": "lambda:InvokeFunction", "FunctionName": ["Fn::GetAtt": [f.id, "Arn"]],
                "Principal": "s3.amazonaws.com", "SourceArn": bucketArn,
            ] as [String: Any]]
        }
        for rule in triggers(d) {
            var filter: [[String: String]] = [["Name": "suffix", "Value": rule.suffix]]
            if let prefix = rule.prefix { filter.insert(["Name": "prefix", "Value": prefix], at: 0) }
            notifications.append(["Event": "s3:ObjectCreated:*", "Function": ["Fn::GetAtt": [rule.function, "Arn"]], "Filter": ["S3Key": ["Rules": filter]]])
        }
        var bucket: [String: Any] = ["BucketName": d.pipeline, "AccessControl": "Private"]
        if d.stage == "websubstack" {
            bucket["CorsConfiguration"] = ["CorsRules": [["AllowedOrigins": ["*"], "AllowedHeaders": ["*"], "AllowedMethods": ["GET", "PUT", "POST", "DELETE"],
                                                          "ExposedHeaders": ["ETag"], "MaxAge": 3000] as [String: Any]]]
        }
        bucket["NotificationConfiguration"] = ["LambdaConfigurations": notifications]
        resources["PipelineMainBucket"] = ["Type": "AWS::S3::Bucket", "Properties": bucket,
                                           "DependsOn": functions.map { $0.id + "S3Permission" }] as [String: Any]
        if d.stage == "websubstack", let url = substackTemplateURL {
            for a in d.affiliates {
                resources[ResourceAddress.substack(a.index)] = ["Type": "AWS::CloudFormation::Stack", "DependsOn": ["PipelineMainBucket"], "Properties": [
                    "TemplateURL": url,
                    "Parameters": ["Name": a.name, "BucketName": d.pipeline, "UserNames": a.members.joined(separator: ",")],
                ]] as [String: Any]
            }
        }
        let template: [String: Any] = [
            "AWSTemplateFormatVersion": "2010-09-09",
            "Description": "NeuroCAAS analysis \(d.pipeline) (STAGE \(d.stage ?? "none")), compiled by bpctl",
            "Resources": resources,
            "Outputs": ["BucketName": ["Value": ["Ref": "PipelineMainBucket"]], "MainLambda": ["Value": ["Ref": ResourceAddress.mainLambda]]],
        ]
        return json(template)
    }

    /// FigLambda and the EventBridge role of §4.3: the job manager points each job's instance
    /// state rule at FigLambda (`log.monitor_updater`, from the same protocol code), which fills
    /// the job's start and end and writes end.txt (§5.10). Without them monitored jobs cannot run.
    static func monitoring(_ d: DesiredState, code: Code, environment: [String: Any], into resources: inout [String: Any]) {
        resources["FigLambda"] = ["Type": "AWS::Lambda::Function", "Properties": [
            "Handler": "log.monitor_updater", "Runtime": runtime, "MemorySize": 128, "Timeout": 90,
            "Role": ["Fn::GetAtt": ["MainLambdaRole", "Arn"]],
            "Code": ["S3Bucket": code.bucket, "S3Key": code.key],
            "Environment": ["Variables": ["BUCKET_NAME": d.pipeline, "INDIR": environment["INDIR"] as? String ?? "inputs",
                                          "REGION": environment["REGION"] as? String ?? d.region]],
        ] as [String: Any]]
        resources["CWPermissions"] = ["Type": "AWS::Lambda::Permission", "Properties": [
            "Action": "lambda:InvokeFunction", "FunctionName": ["Fn::GetAtt": ["FigLambda", "Arn"]], "Principal": "events.amazonaws.com",
        ] as [String: Any]]
        resources["FignameLogGroup"] = ["Type": "AWS::Logs::LogGroup", "Properties": ["LogGroupName": ["Fn::Sub": "/aws/lambda/${FigLambda}"]]]
        resources["CloudwatchBusPolicy"] = ["Type": "AWS::IAM::ManagedPolicy", "Properties": ["PolicyDocument": policy([
            ["Effect": "Allow", "Action": ["events:*"], "Resource": "*"],
            ["Effect": "Allow", "Action": ["iam:PassRole"], "Resource": ["Fn::Sub": "arn:aws:iam::${AWS::AccountId}:role/AWS_Events_Invoke_Targets"]],
        ])]]
        resources["CloudWatchBusRole"] = ["Type": "AWS::IAM::Role", "Properties": [
            "AssumeRolePolicyDocument": policy([["Effect": "Allow", "Principal": ["Service": ["events.amazonaws.com"]], "Action": ["sts:AssumeRole"]]]),
            "ManagedPolicyArns": [["Ref": "CloudwatchBusPolicy"]],
        ] as [String: Any]]
    }

    /// The websubstack affiliate template (what utils_stack's shared substack does, §4.5): the
    /// group `<Name><pipeid>substackgroup` with the access policy of §4.7 and its members.
    /// pipeid is baked in because CloudFormation cannot remove the dashes of a parameter.
    public static func userSubstack(pipeline: String) -> String {
        let pipeid = pipeline.filter { $0 != "-" }
        let document = (try? JSONSerialization.jsonObject(with: Data(AccessPolicy.document(bucket: "${BucketName}", affiliate: "${Name}").utf8))) ?? [:]
        let template: [String: Any] = [
            "AWSTemplateFormatVersion": "2010-09-09",
            "Description": "NeuroCAAS affiliate of an analysis, compiled by bpctl",
            "Parameters": ["Name": ["Type": "String"], "BucketName": ["Type": "String"], "UserNames": ["Type": "String", "Default": ""]],
            "Conditions": ["HasUsers": ["Fn::Not": [["Fn::Equals": [["Ref": "UserNames"], ""]]]]],
            "Resources": [
                "UserGroupAffiliateTemplate": ["Type": "AWS::IAM::Group", "Properties": [
                    "GroupName": ["Fn::Sub": "${Name}\(pipeid)substackgroup"],
                    "Policies": [["PolicyName": ["Fn::Sub": "${Name}policy"], "PolicyDocument": substituted(document)]],
                ]],
                "AffiliateTemplateUserNet": ["Type": "AWS::IAM::UserToGroupAddition", "Condition": "HasUsers", "Properties": [
                    "GroupName": ["Ref": "UserGroupAffiliateTemplate"], "Users": ["Fn::Split": [",", ["Ref": "UserNames"]]],
                ]],
            ] as [String: Any],
        ]
        return json(template)
    }

    struct Trigger { let function: String; let prefix: String?; let suffix: String }

    /// §4.4–4.6: websubstack fires on any `submit.json`; develop and webdev per affiliate on
    /// `<aff>/submissions` (or `<aff>/results` without user input). SearchLambda on PostTrigger.
    static func triggers(_ d: DesiredState) -> [Trigger] {
        var out: [Trigger] = []
        if d.stage == "websubstack" {
            out.append(Trigger(function: ResourceAddress.mainLambda, prefix: nil, suffix: "submit.json"))
        } else {
            for (a, source) in zip(d.affiliates, d.blueprint.affiliates.filter { $0.name?.node.string != nil }) {
                let input = source.userInput?.node.bool ?? true
                out.append(Trigger(function: ResourceAddress.mainLambda, prefix: "\(a.name)/\(input ? "submissions" : "results")", suffix: "submit.json"))
            }
        }
        if d.resources.contains(where: { $0.address == ResourceAddress.function(ResourceAddress.searchLambda) }) {
            let suffix = d.blueprint.lambda?.postTrigger?.node.string ?? "end.txt"
            out.append(Trigger(function: ResourceAddress.searchLambda, prefix: nil, suffix: suffix))
        }
        return out
    }

    static func policy(_ statements: [[String: Any]]) -> [String: Any] { ["Version": "2012-10-17", "Statement": statements] }

    /// Strings holding `${…}` become Fn::Sub.
    static func substituted(_ value: Any) -> Any {
        if let s = value as? String { return s.contains("${") ? ["Fn::Sub": s] : s }
        if let a = value as? [Any] { return a.map(substituted) }
        if let o = value as? [String: Any] { return o.mapValues(substituted) }
        return value
    }

    static func json(_ value: Any) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: value, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
