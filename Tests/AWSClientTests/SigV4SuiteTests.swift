import Foundation
import XCTest
@testable import AWSClient

/// Every case of AWS's published SigV4 test suite (../shared/aws-sig-v4-test-suite): canonical
/// request, string to sign and Authorization header compared byte for byte.
final class SigV4SuiteTests: XCTestCase {
    /// BPCTL_SHARED, else ../shared beside the checkout (as the BlueprintKit suites find it).
    static let suite: URL = {
        let shared = ProcessInfo.processInfo.environment["BPCTL_SHARED"].map { URL(fileURLWithPath: $0) }
            ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared")
        return shared.appendingPathComponent("aws-sig-v4-test-suite/raw/aws-sig-v4-test-suite")
    }()
    static let credentials = Credentials(accessKeyID: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
                                         source: "test suite")
    static let date = AWSDate(amzDate: "20150830T123600Z")!

    /// Parse a .req file: request line, headers (continuation lines join with ','), body.
    static func parse(_ text: String) -> HTTPRequest {
        let (head, body): (Substring, Substring) = {
            if let r = text.range(of: "\n\n") { return (text[..<r.lowerBound], text[r.upperBound...]) }
            return (Substring(text), "")
        }()
        var lines = head.split(separator: "\n", omittingEmptySubsequences: false)
        let requestLine = lines.removeFirst()
        let method = String(requestLine.prefix { $0 != " " })
        var target = requestLine.dropFirst(method.count + 1)
        if let http = target.range(of: " HTTP/1.1", options: .backwards) { target = target[..<http.lowerBound] }
        let pathPart = target.prefix { $0 != "?" }
        let queryPart = target.dropFirst(pathPart.count + 1)
        let query: [(String, String)] = queryPart.isEmpty ? [] : queryPart.split(separator: "&").map { pair in
            let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (URIEncoding.decode(kv[0]), kv.count > 1 ? URIEncoding.decode(kv[1]) : "")
        }
        var headers: [(String, String)] = []
        for line in lines {
            if line.first == " " || line.first == "\t", !headers.isEmpty {
                headers[headers.count - 1].1 += "," + line.trimmingCharacters(in: .whitespaces)
            } else if let colon = line.firstIndex(of: ":") {
                headers.append((String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
            }
        }
        let host = headers.first { $0.0.lowercased() == "host" }?.1 ?? ""
        return HTTPRequest(method: method, host: host, path: String(pathPart), query: query, headers: headers, body: Array(body.utf8))
    }

    func testEveryVector() throws {
        guard FileManager.default.fileExists(atPath: Self.suite.path) else {
            return XCTFail("the SigV4 test suite is missing at \(Self.suite.path); set BPCTL_SHARED to the folder that holds aws-sig-v4-test-suite")
        }
        let enumerator = try XCTUnwrap(FileManager.default.enumerator(atPath: Self.suite.path))
        var cases = 0
        while let rel = enumerator.nextObject() as? String {
            guard rel.hasSuffix(".req") else { continue }
            let base = Self.suite.appendingPathComponent(String(rel.dropLast(4)))
            let name = base.lastPathComponent
            let req = Self.parse(try String(contentsOf: base.appendingPathExtension("req"), encoding: .utf8))
            let signer = SigV4Signer(service: "service", region: "us-east-1")
            // The suite's request lines carry raw (unencoded) paths, so they are encoded once.
            let (creq, _) = signer.canonicalRequest(req, payloadHash: Crypto.hex(Crypto.sha256(req.body)), doubleEncodePath: false)
            XCTAssertEqual(creq, try String(contentsOf: base.appendingPathExtension("creq"), encoding: .utf8), "\(name) canonical request")
            // The string to sign and signature cover the headers the signed request (.sreq) lists:
            // in the two post-x-www-form-urlencoded vectors the .req later gained a Content-Length
            // that was never signed, and post-sts-header-after adds its token after signing.
            let sreq = Self.parse(try String(contentsOf: base.appendingPathExtension("sreq"), encoding: .utf8))
            let sreqAuthz = try XCTUnwrap(sreq.header("Authorization"))
            let names = Set(sreqAuthz.components(separatedBy: "SignedHeaders=")[1].prefix { $0 != "," }.split(separator: ";").map(String.init))
            var signedReq = req
            signedReq.headers = req.headers.filter { names.contains($0.0.lowercased()) }
            let (screq, signed) = signer.canonicalRequest(signedReq, payloadHash: Crypto.hex(Crypto.sha256(req.body)), doubleEncodePath: false)
            let sts = signer.stringToSign(screq, date: Self.date)
            cases += 1
            // Published defect: this vector's .sts is not the hash of its own .creq (nor of any
            // variant with or without Content-Length or charset case; checked independently with
            // Python's hashlib), so only its canonical request can be compared.
            if name == "post-x-www-form-urlencoded-parameters" { continue }
            XCTAssertEqual(sts, try String(contentsOf: base.appendingPathExtension("sts"), encoding: .utf8), "\(name) string to sign")
            let sig = signer.signature(stringToSign: sts, secret: Self.credentials.secretAccessKey, date: Self.date)
            let authz = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/\(signer.scope(Self.date)), SignedHeaders=\(signed), Signature=\(sig)"
            XCTAssertEqual(authz, sreqAuthz, "\(name) Authorization in .sreq")
            XCTAssertEqual(authz, try String(contentsOf: base.appendingPathExtension("authz"), encoding: .utf8), "\(name) Authorization")
        }
        XCTAssertGreaterThanOrEqual(cases, 30, "the suite has 31 request vectors")
        print("SigV4 test suite vectors checked: \(cases)")
    }

    func testDateFormatting() {
        XCTAssertEqual(AWSDate(secondsSince1970: 1_440_938_160).amzDate, "20150830T123600Z")
        XCTAssertEqual(AWSDate(amzDate: "20000229T235959Z")?.amzDate, "20000229T235959Z")
        XCTAssertEqual(AWSDate(secondsSince1970: 0).amzDate, "19700101T000000Z")
    }

    func testSecretsAreRedacted() {
        let c = Credentials(accessKeyID: "AKIA1", secretAccessKey: "supersecret", sessionToken: "tok", source: "environment")
        XCTAssertFalse("\(c)".contains("supersecret"))
        XCTAssertFalse("\(c)".contains("tok,"))
    }

    /// S3: no normalisation, single encoding, payload hash header; the known S3 example from
    /// the S3 SigV4 documentation (GET Object with Range).
    func testS3DocumentationExample() {
        var r = HTTPRequest(method: "GET", host: "examplebucket.s3.amazonaws.com", path: "/test.txt",
                            headers: [("Range", "bytes=0-9")])
        let c = Credentials(accessKeyID: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", source: "doc")
        SigV4Signer(service: "s3", region: "us-east-1").sign(&r, credentials: c, date: AWSDate(amzDate: "20130524T000000Z")!)
        XCTAssertEqual(r.header("Authorization"),
                       "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41")
    }

    /// The presigned-URL example from the S3 documentation.
    func testS3PresignDocumentationExample() {
        let c = Credentials(accessKeyID: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", source: "doc")
        let url = SigV4Signer(service: "s3", region: "us-east-1").presign(
            HTTPRequest(method: "GET", host: "examplebucket.s3.amazonaws.com", path: "/test.txt"),
            credentials: c, date: AWSDate(amzDate: "20130524T000000Z")!, expires: 86400)
        XCTAssertTrue(url.hasSuffix("X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404"), url)
    }
}
