import AWSClient
import Foundation
import TestSupport
import XCTest
@testable import Applier

/// The CloudFormation half of apply on its own: the template edit keeps everything not planned,
/// and a rolled-back update names the failing resource and its reason. moto applies every
/// update it accepts, so the rollback comes from Fixtures/fake_cfn.py.
final class StackUpdateTests: XCTestCase {
    func testTemplateEditChangesOnlyThePlannedProperties() throws {
        let body = #"{"Resources": {"MainLambda": {"Type": "AWS::Lambda::Function", "DependsOn": ["B"], "Properties": {"Handler": "h", "Environment": {"Variables": {"AMI": "ami-1", "versionid": "v", "GONE": "x"}}}}, "B": {"Type": "AWS::S3::Bucket"}}}"#
        let change = ApplyStep.FunctionChange(logicalID: "MainLambda", environment: ["AMI": .some("ami-2"), "GONE": .none, "NEW": .some("n")] as [String: String?], handler: nil, timeout: 60)
        let out = try StackUpdate.edited(body, stack: "s", changes: [change])
        let t = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
        let resources = try XCTUnwrap(t["Resources"] as? [String: Any])
        let main = try XCTUnwrap(resources["MainLambda"] as? [String: Any])
        let props = try XCTUnwrap(main["Properties"] as? [String: Any])
        XCTAssertEqual(((props["Environment"] as? [String: Any])?["Variables"] as? [String: String]), ["AMI": "ami-2", "versionid": "v", "NEW": "n"])
        XCTAssertEqual(props["Handler"] as? String, "h")
        XCTAssertEqual(props["Timeout"] as? Int, 60)
        XCTAssertEqual(main["DependsOn"] as? [String], ["B"])
        XCTAssertNotNil(resources["B"])
        XCTAssertThrowsError(try StackUpdate.edited("Resources:\n  X: {}\n", stack: "s", changes: [change])) {
            XCTAssertTrue("\($0)".contains("has no resource MainLambda"), "a YAML template is read (TemplateCompilerTests has the rest): \($0)")
        }
    }

    func testRollbackNamesTheFailingResourceAndReason() async throws {
        let server = try LocalServer.fakeScript("fake_cfn.py", ["rollback"])
        defer { server.stop() }
        let client = AWSClient(environment: testEnvironment(endpoint: server.endpoint), region: "us-east-1", retry: RetryPolicy(maxAttempts: 1))
        let change = ApplyStep.FunctionChange(logicalID: "MainLambda", environment: ["AMI": "ami-2"], handler: nil, timeout: nil)
        do {
            var options = ApplyRun.Options()
            options.pollInterval = 0.01
            options.stackTimeout = 5
            try await StackUpdate.run(stack: "fake-stack", changes: [change], substacks: nil, client: client, options: options) { _ in }
            XCTFail("expected the rollback to be reported")
        } catch {
            let text = "\(error)"
            XCTAssertTrue(text.contains("rolled back the update of stack fake-stack (UPDATE_ROLLBACK_COMPLETE)"), text)
            XCTAssertTrue(text.contains("MainLambda UPDATE_FAILED: Lambda was unable to configure your environment variables"), text)
        }
        XCTAssertEqual(try server.get("/__count"), "1")
    }

    /// A create that rolls back names the failing resource and CloudFormation's reason, and a
    /// resumed run that finds the rolled-back stack says how to clear it (fake_cfn.py: moto
    /// creates every stack it accepts).
    func testCreateRollbackNamesTheFailingResourceAndTheWayOut() async throws {
        let server = try LocalServer.fakeScript("fake_cfn.py", ["create-rollback"])
        defer { server.stop() }
        let client = AWSClient(environment: testEnvironment(endpoint: server.endpoint), region: "us-east-1", retry: RetryPolicy(maxAttempts: 1))
        let creation = StackCreation(stack: "fake-stack", bucket: "artifacts", artifacts: [], template: "{}")
        var options = ApplyRun.Options()
        options.pollInterval = 0.01
        options.stackTimeout = 5
        do {
            try await StackCreate.run(creation, client: client, options: options) { _ in }
            XCTFail("expected the rollback to be reported")
        } catch {
            let text = "\(error)"
            XCTAssertTrue(text.contains("rolled back the creation of stack fake-stack (ROLLBACK_COMPLETE)"), text)
            XCTAssertTrue(text.contains("MainLambda CREATE_FAILED: The runtime parameter of python3.7"), text)
            XCTAssertTrue(text.contains("delete-stack --stack-name fake-stack"), text)
        }
        do {
            try await StackCreate.run(creation, client: client, options: options) { _ in }
            XCTFail("a rolled-back stack must not count as created")
        } catch {
            XCTAssertTrue("\(error)".contains("exists in state ROLLBACK_COMPLETE from an earlier failed creation"), "\(error)")
        }
    }
}
