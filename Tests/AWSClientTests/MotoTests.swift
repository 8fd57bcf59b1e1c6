import Foundation
import XCTest
@testable import AWSClient
import TestSupport

/// AWS behaviour against moto_server on 127.0.0.1 (never a real endpoint).
final class MotoTests: XCTestCase {
    nonisolated(unsafe) static var moto: LocalServer?

    override class func setUp() {
        super.setUp()
        moto = try? LocalServer.moto()
    }

    override class func tearDown() {
        moto?.stop()
        super.tearDown()
    }

    private func server() throws -> LocalServer {
        guard let m = Self.moto else { throw try motoMissing() }
        return m
    }

    private func client(_ env: AWSEnvironment) -> AWSClient {
        AWSClient(environment: env, region: "us-east-1", retry: RetryPolicy(maxAttempts: 1))
    }

    func testGetCallerIdentity() async throws {
        let m = try server()
        let me = try await STS(client(testEnvironment(endpoint: m.endpoint))).getCallerIdentity()
        XCTAssertEqual(me.account, "123456789012")
        XCTAssertTrue(me.arn.hasPrefix("arn:aws:"), me.arn)
    }

    /// moto checks signatures once /moto-api/reset-auth allows no more unauthenticated calls.
    func testSignatureCheckingWithMotoAuth() async throws {
        let m = try server()
        let admin = client(testEnvironment(endpoint: m.endpoint))
        let iam = IAM(admin)
        try m.request("POST", "/moto-api/reset-auth", body: "3") // three set-up calls, then auth is enforced
        defer { _ = try? m.request("POST", "/moto-api/reset-auth", body: "inf") }
        try await iam.createUser("bpctl-signer")
        try await iam.putUserPolicy(user: "bpctl-signer", name: "all",
                                    document: #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#)
        let (id, secret) = try await iam.createAccessKey(user: "bpctl-signer")

        let ok = try await STS(client(testEnvironment(endpoint: m.endpoint, key: id, secret: secret))).getCallerIdentity()
        XCTAssertTrue(ok.arn.hasSuffix("user/bpctl-signer"), ok.arn)

        do {
            _ = try await STS(client(testEnvironment(endpoint: m.endpoint, key: id, secret: secret + "x"))).getCallerIdentity()
            XCTFail("a wrong secret must be refused")
        } catch let e as AWSError {
            guard case .service(let s) = e else { return XCTFail("\(e)") }
            XCTAssertEqual(s.code, "SignatureDoesNotMatch")
            XCTAssertTrue("\(e)".hasPrefix("AWS rejected the signature (SignatureDoesNotMatch): check AWS_SECRET_ACCESS_KEY"), "\(e)")
            XCTAssertFalse("\(e)".contains(secret), "the sentence never carries the secret")
        }
        do {
            _ = try await STS(client(testEnvironment(endpoint: m.endpoint, key: "AKIANOTAREALKEY00000", secret: "x"))).getCallerIdentity()
            XCTFail("an unknown key must be refused")
        } catch let e as AWSError {
            guard case .service(let s) = e else { return XCTFail("\(e)") }
            XCTAssertEqual(s.code, "InvalidClientTokenId")
            XCTAssertTrue("\(e)".contains("AWS does not know this access key"), "\(e)")
        }
    }

    /// Pagination: more groups than one page holds.
    func testPaginationCollectsEveryPage() async throws {
        let m = try server()
        let iam = IAM(client(testEnvironment(endpoint: m.endpoint)))
        let user = "pager-\(UUID().uuidString.prefix(8))"
        try await iam.createUser(user)
        for i in 0..<5 {
            try await iam.createGroup("\(user)-g\(i)")
            try await iam.addUserToGroup(user: user, group: "\(user)-g\(i)")
        }
        let groups = try await iam.listGroupsForUser(user, pageSize: 2)
        XCTAssertEqual(groups.sorted(), (0..<5).map { "\(user)-g\($0)" })
    }
}
