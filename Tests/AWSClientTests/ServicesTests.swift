import Foundation
import XCTest
@testable import AWSClient
import TestSupport

/// The per-service calls against moto. Where moto cannot emulate something, the test says so.
final class ServicesTests: XCTestCase {
    nonisolated(unsafe) static var moto: LocalServer?
    override class func setUp() { super.setUp(); moto = try? LocalServer.moto() }
    override class func tearDown() { moto?.stop(); super.tearDown() }

    private func client() throws -> AWSClient {
        guard let m = Self.moto else { throw try motoMissing() }
        return AWSClient(environment: testEnvironment(endpoint: m.endpoint), region: "us-east-1", retry: RetryPolicy(maxAttempts: 1))
    }

    private func unique(_ prefix: String) -> String { "\(prefix)\(UUID().uuidString.prefix(8).lowercased())" }

    /// The dev-instance life cycle: launch, tag, image, describe, deregister, stop, terminate.
    func testEC2InstanceAndImageLifecycle() async throws {
        let ec2 = EC2(try client())
        let base = try await ec2.describeImages(owners: ["amazon"]).first
        let ami = try XCTUnwrap(base?.id, "moto ships Amazon-owned images")
        let ids = try await ec2.runInstances(imageID: ami, type: "t2.micro", tags: ["PriceTracking": "On", "Timeout": "60"])
        XCTAssertEqual(ids.count, 1)
        let running = try await ec2.describeInstances(ids: ids)
        XCTAssertEqual(running.first?.tags["Timeout"], "60")
        XCTAssertEqual(running.first?.type, "t2.micro")
        let image = try await ec2.createImage(instanceID: ids[0], name: unique("bpctl-dev-"))
        try await ec2.createTags(resources: [image], tags: ["bpctl:pipeline": "epi-analysis"])
        let described = try await ec2.describeImages(ids: [image])
        XCTAssertEqual(described.first?.tags["bpctl:pipeline"], "epi-analysis")
        try await ec2.stopInstances(ids)
        let stopping = try await ec2.describeInstances(ids: ids).first?.state
        XCTAssertTrue(["stopping", "stopped"].contains(stopping ?? ""), stopping ?? "")
        try await ec2.startInstances(ids)
        try await ec2.deregisterImage(image)
        let gone = try await ec2.describeImages(ids: [image])
        XCTAssertTrue(gone.isEmpty || gone.allSatisfy { $0.state == "deregistered" })
        try await ec2.terminateInstances(ids)
        let filtered = try await ec2.describeInstances(filters: ["tag:PriceTracking": ["On"], "instance-id": ids])
        XCTAssertEqual(filtered.map(\.id), ids)
        // moto's offering data for us-east-1 lacks some real types (p3.2xlarge), so test with common ones.
        let offerings = try await ec2.describeInstanceTypeOfferings(types: ["m5.xlarge", "t2.micro", "no.such"])
        XCTAssertEqual(Set(offerings), ["m5.xlarge", "t2.micro"])
    }

    func testCloudFormationStackAndChangeSet() async throws {
        let cfn = CloudFormation(try client())
        let name = unique("bpctl-stack-")
        let template = #"{"Resources": {"Bucket": {"Type": "AWS::S3::Bucket"}}, "Outputs": {"Name": {"Value": {"Ref": "Bucket"}}}}"#
        let id = try await cfn.createStack(name, template: template)
        XCTAssertFalse(id.isEmpty)
        let stack = try await cfn.describeStack(name)
        XCTAssertEqual(stack?.status, "CREATE_COMPLETE")
        XCTAssertNotNil(stack?.outputs["Name"])
        let missing = try await cfn.describeStack(unique("no-such-stack-"))
        XCTAssertNil(missing)
        let resources = try await cfn.describeStackResources(name)
        XCTAssertEqual(resources.map(\.logicalID), ["Bucket"])
        let single = try await cfn.describeStackResource(name, logicalID: "Bucket")
        XCTAssertEqual(single?.type, "AWS::S3::Bucket")
        let body = try await cfn.getTemplate(name)
        XCTAssertTrue(body.contains("AWS::S3::Bucket"))
        let events = try await cfn.describeStackEvents(name)
        XCTAssertTrue(events.contains { $0.status == "CREATE_COMPLETE" })
        // moto computes no Changes list for change sets (it records the set and its status only).
        let updated = #"{"Resources": {"Bucket": {"Type": "AWS::S3::Bucket"}, "Other": {"Type": "AWS::S3::Bucket"}}}"#
        _ = try await cfn.createChangeSet(stack: name, name: "add-other", template: updated)
        let cs = try await cfn.describeChangeSet(stack: name, name: "add-other")
        XCTAssertFalse(cs.status.isEmpty)
        try await cfn.updateStack(name, template: updated)
        let after = try await cfn.describeStackResources(name)
        XCTAssertEqual(Set(after.map(\.logicalID)), ["Bucket", "Other"])
    }

    func testLambdaConfigurationRoundTrip() async throws {
        let c = try client()
        let iam = IAM(c)
        let role = unique("bpctl-role-")
        _ = try await c.query(.iam, action: "CreateRole", version: "2010-05-08",
                              [("RoleName", role), ("AssumeRolePolicyDocument", #"{"Version":"2012-10-17","Statement":[]}"#)])
        let fn = unique("bpctl-fn-")
        // A minimal zip (an empty archive) is enough: moto only stores it unless invoked.
        let zip = Data([0x50, 0x4B, 0x05, 0x06] + [UInt8](repeating: 0, count: 18)).base64EncodedString()
        _ = try await c.restJSON(.lambda, method: "POST", path: "/2015-03-31/functions", [
            "FunctionName": fn, "Runtime": "python3.12", "Role": "arn:aws:iam::123456789012:role/\(role)",
            "Handler": "submit_start.handler_develop", "Code": ["ZipFile": zip], "Timeout": 180,
            "Environment": ["Variables": ["AMI": "ami-0123456789abcdef0", "INSTANCE_TYPE": "t2.micro"]],
        ])
        let lambda = Lambda(c)
        let before = try await lambda.getFunctionConfiguration(fn)
        XCTAssertEqual(before.environment["AMI"], "ami-0123456789abcdef0")
        XCTAssertEqual(before.handler, "submit_start.handler_develop")
        var env = before.environment
        env["AMI"] = "ami-0fedcba9876543210"
        let after = try await lambda.updateFunctionConfiguration(fn, environment: env, timeout: 900)
        XCTAssertEqual(after.environment["AMI"], "ami-0fedcba9876543210")
        XCTAssertEqual(after.timeout, 900)
        _ = iam
    }

    /// moto accepts SendCommand and reports an invocation, but runs nothing: no output to check.
    func testSSMSendCommand() async throws {
        let c = try client()
        let ec2 = EC2(c)
        let images = try await ec2.describeImages(owners: ["amazon"])
        let ami = try XCTUnwrap(images.first?.id)
        let ids = try await ec2.runInstances(imageID: ami, type: "t2.micro")
        let ssm = SSM(c)
        let command = try await ssm.sendCommand(instanceIDs: ids, commands: ["echo hello"], workingDirectory: "/home/ubuntu", timeoutSeconds: 172000)
        XCTAssertFalse(command.isEmpty)
        let invocation = try await ssm.getCommandInvocation(commandID: command, instanceID: ids[0])
        XCTAssertFalse(invocation.status.isEmpty)
    }

    func testIAMGroupsPoliciesAndCredentialReport() async throws {
        let iam = IAM(try client())
        let user = unique("ta2507-"), group = unique("lab")
        try await iam.createUser(user)
        let arn = try await iam.getUser(user)
        XCTAssertTrue(arn?.hasSuffix("user/\(user)") ?? false)
        let noUser = try await iam.getUser(unique("nobody-"))
        XCTAssertNil(noUser)
        try await iam.createGroup(group)
        try await iam.addUserToGroup(user: user, group: group)
        let members = try await iam.getGroup(group)
        XCTAssertEqual(members, [user])
        let policy = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::b"}]}"#
        try await iam.putGroupPolicy(group: group, name: "\(group)policy", document: policy)
        let back = try await iam.getGroupPolicy(group: group, name: "\(group)policy")
        XCTAssertTrue(back.contains("s3:ListBucket"), back)
        try await iam.removeUserFromGroup(user: user, group: group)
        let emptied = try await iam.getGroup(group)
        XCTAssertEqual(emptied, [])
        try await iam.deleteGroup(group)
        _ = try await iam.generateCredentialReport()
        let report = try await iam.getCredentialReport()
        XCTAssertTrue(report.hasPrefix("user,arn,"), String(report.prefix(40)))
        XCTAssertTrue(report.contains(user))
    }
}
