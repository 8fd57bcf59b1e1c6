import Foundation
import XCTest
@testable import AWSClient

final class ConfigurationTests: XCTestCase {
    private func home(credentials: String, config: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bpctl-aws-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent(".aws"), withIntermediateDirectories: true)
        try Data(credentials.utf8).write(to: dir.appendingPathComponent(".aws/credentials"))
        try Data(config.utf8).write(to: dir.appendingPathComponent(".aws/config"))
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return dir.path
    }

    private let credentials = """
    [default]
    aws_access_key_id = AKIADEFAULT000000000
    aws_secret_access_key = default-secret
    # a comment
    [lab]
    aws_access_key_id=AKIALAB0000000000000
    aws_secret_access_key=lab-secret
    aws_session_token = lab-token

    """
    private let config = """
    [default]
    region = us-west-2
    [profile lab]
    region = eu-central-1 # inline comment

    """

    func testProfilesAndPrecedence() async throws {
        let h = try home(credentials: credentials, config: config)
        let bare = AWSEnvironment(variables: ["AWS_EC2_METADATA_DISABLED": "true"], home: h)
        let t = URLSessionTransport()
        let d = try await CredentialChain(environment: bare, transport: t).resolve()
        XCTAssertEqual(d.accessKeyID, "AKIADEFAULT000000000")
        XCTAssertEqual(d.source, "profile default (\(h)/.aws/credentials)")

        var withProfile = bare
        withProfile.variables["AWS_PROFILE"] = "lab"
        let lab = try await CredentialChain(environment: withProfile, transport: t).resolve()
        XCTAssertEqual(lab.sessionToken, "lab-token")
        XCTAssertEqual(CredentialChain(environment: withProfile, transport: t).region(), "eu-central-1")

        var withKeys = withProfile
        withKeys.variables["AWS_ACCESS_KEY_ID"] = "AKIAENV0000000000000"
        withKeys.variables["AWS_SECRET_ACCESS_KEY"] = "env-secret"
        let env = try await CredentialChain(environment: withKeys, transport: t).resolve()
        XCTAssertEqual(env.source, "environment", "environment keys beat AWS_PROFILE, as in the AWS CLI")
        let explicit = try await CredentialChain(environment: withKeys, profile: "default", transport: t).resolve()
        XCTAssertEqual(explicit.accessKeyID, "AKIADEFAULT000000000", "--profile beats environment keys")

        do {
            _ = try await CredentialChain(environment: bare, profile: "nope", transport: t).resolve()
            XCTFail("unknown profile")
        } catch let e as AWSError {
            XCTAssertTrue("\(e)".contains("profile nope (not found"), "\(e)")
        }
    }

    func testRegionOrder() throws {
        let h = try home(credentials: credentials, config: config)
        let t = URLSessionTransport()
        var env = AWSEnvironment(variables: [:], home: h)
        XCTAssertEqual(CredentialChain(environment: env, transport: t).region(fallback: "us-east-1"), "us-west-2")
        env.variables["AWS_DEFAULT_REGION"] = "ap-south-1"
        XCTAssertEqual(CredentialChain(environment: env, transport: t).region(), "ap-south-1")
        env.variables["AWS_REGION"] = "sa-east-1"
        XCTAssertEqual(CredentialChain(environment: env, transport: t).region(), "sa-east-1")
        XCTAssertEqual(CredentialChain(environment: env, transport: t).region(explicit: "eu-west-1"), "eu-west-1")
        let empty = AWSEnvironment(variables: [:], home: "/nonexistent")
        XCTAssertEqual(CredentialChain(environment: empty, transport: t).region(fallback: "us-east-1"), "us-east-1", "the blueprint's REGION last")
    }

    func testEndpoints() {
        let none = AWSEnvironment(variables: [:], home: "/x")
        XCTAssertEqual(Endpoint.resolve(.ec2, region: "eu-west-1", environment: none).description, "https://ec2.eu-west-1.amazonaws.com")
        let iam = Endpoint.resolve(.iam, region: "eu-west-1", environment: none)
        XCTAssertEqual(iam.description, "https://iam.amazonaws.com")
        XCTAssertEqual(iam.signingRegion, "us-east-1")
        let all = AWSEnvironment(variables: ["AWS_ENDPOINT_URL": "http://127.0.0.1:5000", "AWS_ENDPOINT_URL_S3": "http://localhost:4566/s3/"], home: "/x")
        XCTAssertEqual(Endpoint.resolve(.sts, region: "us-east-1", environment: all).description, "http://127.0.0.1:5000")
        let s3 = Endpoint.resolve(.s3, region: "us-east-1", environment: all)
        XCTAssertEqual(s3.host, "localhost")
        XCTAssertEqual(s3.port, 4566)
        XCTAssertEqual(s3.basePath, "/s3")
    }

    func testWhoAmIMasksTheKey() {
        XCTAssertEqual(WhoAmI.mask("AKIAIOSFODNN7EXAMPLE"), "AKIA…MPLE")
        let w = WhoAmI(account: "1", arn: "a", userID: "u", region: "r", endpoint: "e", credentialSource: "environment", accessKey: "AKIA…MPLE")
        let json = try? JSONSerialization.jsonObject(with: Data(w.json.utf8)) as? [String: String]
        XCTAssertEqual(json?["access_key"], "AKIA…MPLE")
    }
}
