import Foundation
import XCTest
@testable import AWSClient
import TestSupport

/// Retries and instance metadata, against local Python fakes (Fixtures/fake_server.py):
/// moto cannot be told to fail N times or to act as an EC2 metadata service.
final class TransportTests: XCTestCase {
    private func sts(_ server: LocalServer, attempts: Int) -> STS {
        STS(AWSClient(environment: testEnvironment(endpoint: server.endpoint), region: "us-east-1",
                      retry: RetryPolicy(maxAttempts: attempts, baseDelay: 0.01, maxDelay: 0.05)))
    }

    func testRetriesServerErrorsThenSucceeds() async throws {
        let server = try LocalServer.fake(["retry", "2", "503", ""])
        defer { server.stop() }
        let me = try await sts(server, attempts: 3).getCallerIdentity()
        XCTAssertEqual(me.account, "111122223333")
        XCTAssertEqual(try server.get("/__count"), "3")
    }

    func testRetriesThrottling() async throws {
        let server = try LocalServer.fake(["retry", "2", "400", "Throttling"])
        defer { server.stop() }
        _ = try await sts(server, attempts: 3).getCallerIdentity()
        XCTAssertEqual(try server.get("/__count"), "3")
    }

    func testGivesUpAfterMaxAttempts() async throws {
        let server = try LocalServer.fake(["retry", "10", "500", "InternalError"])
        defer { server.stop() }
        do {
            _ = try await sts(server, attempts: 3).getCallerIdentity()
            XCTFail("expected an error")
        } catch let AWSError.service(e) {
            XCTAssertEqual(e.code, "InternalError")
            XCTAssertEqual(e.requestID, "r-3")
        }
        XCTAssertEqual(try server.get("/__count"), "3")
    }

    func testClientErrorsAreNotRetried() async throws {
        let server = try LocalServer.fake(["retry", "10", "403", "AccessDenied"])
        defer { server.stop() }
        do {
            _ = try await sts(server, attempts: 3).getCallerIdentity()
            XCTFail("expected an error")
        } catch let e as AWSError {
            XCTAssertTrue("\(e)".contains("not allowed"), "\(e)")
        }
        XCTAssertEqual(try server.get("/__count"), "1")
    }

    func testConnectionErrorsAreRetriedThenReported() async throws {
        let port = LocalServer.freePort() // nothing listens there
        let client = AWSClient(environment: testEnvironment(endpoint: "http://127.0.0.1:\(port)"), region: "us-east-1",
                               retry: RetryPolicy(maxAttempts: 2, baseDelay: 0.01), timeout: 2)
        do {
            _ = try await STS(client).getCallerIdentity()
            XCTFail("expected an error")
        } catch let e as AWSError {
            XCTAssertTrue("\(e)".hasPrefix("could not reach http://127.0.0.1:\(port)"), "\(e)")
            XCTAssertTrue("\(e)".contains("after 2 attempts"), "\(e)")
        }
    }

    func testBackoffHasFullJitterAndCap() {
        let p = RetryPolicy(maxAttempts: 5, baseDelay: 0.1, maxDelay: 1)
        for attempt in 1...10 {
            let d = p.delay(afterAttempt: attempt)
            XCTAssertGreaterThanOrEqual(d, 0)
            XCTAssertLessThan(d, min(1, 0.1 * pow(2, Double(attempt))))
        }
        XCTAssertEqual(RetryPolicy(environment: testEnvironment(endpoint: nil, extra: ["AWS_MAX_ATTEMPTS": "7"])).maxAttempts, 7)
    }

    func testInstanceMetadataCredentials() async throws {
        let imds = try LocalServer.fake(["imds"])
        defer { imds.stop() }
        var env = testEnvironment(endpoint: nil, extra: ["AWS_EC2_METADATA_SERVICE_ENDPOINT": imds.endpoint])
        env.variables["AWS_EC2_METADATA_DISABLED"] = nil
        env.variables["AWS_ACCESS_KEY_ID"] = nil
        env.variables["AWS_SECRET_ACCESS_KEY"] = nil
        let c = try await CredentialChain(environment: env, transport: URLSessionTransport()).resolve()
        XCTAssertEqual(c.accessKeyID, "ASIAFAKEIMDS0001")
        XCTAssertEqual(c.sessionToken, "imds-token")
        XCTAssertEqual(c.source, "instance metadata (role bpctl-role)")
    }

    func testDisabledInstanceMetadataIsNeverContacted() async throws {
        let imds = try LocalServer.fake(["imds"])
        defer { imds.stop() }
        var env = testEnvironment(endpoint: nil, extra: ["AWS_EC2_METADATA_SERVICE_ENDPOINT": imds.endpoint])
        env.variables["AWS_ACCESS_KEY_ID"] = nil
        env.variables["AWS_SECRET_ACCESS_KEY"] = nil
        do {
            _ = try await CredentialChain(environment: env, transport: URLSessionTransport()).resolve()
            XCTFail("expected no credentials")
        } catch let e as AWSError {
            XCTAssertTrue("\(e)".hasPrefix("no credentials found (tried environment, profile default)"), "\(e)")
        }
        XCTAssertEqual(try imds.get("/__count"), "0")
    }
}

/// libcurl is opened on the first request; when it cannot be, the error says what to install.
final class CurlLibraryTests: XCTestCase {
    func testMissingLibraryIsASentenceWithAFix() {
        guard case .failure(let e) = CurlLibrary.load(["/nonexistent/libcurl.so.4", "libcurl-bpctl-nope.so"]) else {
            return XCTFail("a missing library cannot load")
        }
        XCTAssertTrue(e.description.hasPrefix("libcurl could not be loaded (/nonexistent/libcurl.so.4: cannot open shared object file"), e.description)
        XCTAssertTrue(e.description.contains("libcurl-bpctl-nope.so"), "every name tried is listed: \(e.description)")
        XCTAssertTrue(e.description.contains("apt-get install libcurl4"), e.description)
    }

    func testALibraryWithoutCurlSymbolsIsRefused() {
        guard case .failure(let e) = CurlLibrary.load(["libz.so.1"]) else { return XCTFail("zlib is not libcurl") }
        XCTAssertTrue(e.description.contains("libz.so.1 has no curl_global_init"), e.description)
    }

    func testTheSystemLibraryLoads() throws {
        XCTAssertNoThrow(try CurlLibrary.shared.get())
    }
}
