import Foundation
import XCTest
@testable import AWSClient
import TestSupport

final class S3Tests: XCTestCase {
    nonisolated(unsafe) static var moto: LocalServer?
    override class func setUp() { super.setUp(); moto = try? LocalServer.moto() }
    override class func tearDown() { moto?.stop(); super.tearDown() }

    private func s3(partSize: Int = 16 << 20, threshold: Int = 64 << 20) throws -> S3 {
        guard let m = Self.moto else { throw try motoMissing() }
        return S3(AWSClient(environment: testEnvironment(endpoint: m.endpoint), region: "us-east-1", retry: RetryPolicy(maxAttempts: 1)),
                  multipartThreshold: threshold, partSize: partSize)
    }

    private func bucket() -> String { "bpctl-test-\(UUID().uuidString.prefix(8).lowercased())" }

    func testObjectLifecycle() async throws {
        let s3 = try s3()
        let b = bucket()
        try await s3.createBucket(b)
        let body = Array("hello, NeuroCAAS ✓".utf8)
        try await s3.putObject(bucket: b, key: "inputs/my data.txt", body: body)
        let got = try await s3.getObject(bucket: b, key: "inputs/my data.txt")
        XCTAssertEqual(got, body)
        let head = try await s3.headObject(bucket: b, key: "inputs/my data.txt")
        XCTAssertEqual(head?.size, body.count)
        try await s3.deleteObject(bucket: b, key: "inputs/my data.txt")
        let gone = try await s3.headObject(bucket: b, key: "inputs/my data.txt")
        XCTAssertNil(gone)
        do {
            _ = try await s3.getObject(bucket: b, key: "missing")
            XCTFail("expected NoSuchKey")
        } catch let AWSError.service(e) {
            XCTAssertEqual(e.code, "NoSuchKey")
        }
    }

    func testListingFollowsContinuationTokens() async throws {
        let s3 = try s3()
        let b = bucket()
        try await s3.createBucket(b)
        for i in 0..<7 { try await s3.putObject(bucket: b, key: "results/job/\(i).txt", body: [UInt8(i)]) }
        try await s3.putObject(bucket: b, key: "other.txt", body: [1])
        let keys = try await s3.listObjects(bucket: b, prefix: "results/", pageSize: 3)
        XCTAssertEqual(keys.sorted(), (0..<7).map { "results/job/\($0).txt" })
    }

    func testMultipartUploadFromDisk() async throws {
        let s3 = try s3(partSize: 5 << 20, threshold: 6 << 20)
        let b = bucket()
        try await s3.createBucket(b)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("bpctl-mp-\(UUID().uuidString)")
        var data = Data(count: 11 << 20)
        data.withUnsafeMutableBytes { p in for i in stride(from: 0, to: p.count, by: 4096) { p[i] = UInt8(truncatingIfNeeded: i / 4096) } }
        try data.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        try await s3.putFile(bucket: b, key: "results/big.bin", path: file.path)
        let head = try await s3.headObject(bucket: b, key: "results/big.bin")
        XCTAssertEqual(head?.size, 11 << 20)
        XCTAssertTrue(head?.etag?.contains("-3") ?? false, "three parts: \(head?.etag ?? "")")
        let back = try await s3.getObject(bucket: b, key: "results/big.bin")
        XCTAssertEqual(Data(back), data)
        let copy = file.appendingPathExtension("copy")
        defer { try? FileManager.default.removeItem(at: copy) }
        try await s3.getObject(bucket: b, key: "results/big.bin", toFile: copy.path)
        XCTAssertEqual(try Data(contentsOf: copy), data)
        do {
            try await s3.getObject(bucket: b, key: "no/such/key", toFile: copy.path)
            XCTFail("expected NoSuchKey")
        } catch AWSError.service(let e) {
            XCTAssertEqual(e.code, "NoSuchKey")
        }
        XCTAssertEqual(try Data(contentsOf: copy), data, "a failed download leaves the previous file alone")
        let left = try FileManager.default.contentsOfDirectory(atPath: copy.deletingLastPathComponent().path).filter { $0.hasPrefix(".bpctl-") }
        XCTAssertEqual(left, [], "no temporary file is left next to the target")
        do {
            try await s3.getObject(bucket: b, key: "results/big.bin", toFile: copy.path + "-missing-dir/x.bin")
            XCTFail("expected an error for a missing directory")
        } catch let e as AWSError {
            XCTAssertTrue("\(e)".contains("cannot create"), "\(e)")
            XCTAssertFalse("\(e)".contains("(after "), "a local file problem is not retried: \(e)")
        }
    }

    func testPresignedGetWorksWithoutCredentials() async throws {
        let s3 = try s3()
        let b = bucket()
        try await s3.createBucket(b)
        try await s3.putObject(bucket: b, key: "results/out.txt", body: Array("done".utf8))
        let url = try await s3.presignedGet(bucket: b, key: "results/out.txt")
        XCTAssertTrue(url.contains("X-Amz-Signature="))
        let (data, _) = try await URLSession.shared.data(from: URL(string: url)!)
        XCTAssertEqual(String(decoding: data, as: UTF8.self), "done")
    }
}

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
