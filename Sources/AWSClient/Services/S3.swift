#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// S3 (REST-XML), path-style addressing so custom endpoints (moto, LocalStack) and buckets with
/// dots work alike.
public struct S3: Sendable {
    public let client: AWSClient
    /// Files at or above this size go up in parts (default 64 MiB).
    public let multipartThreshold: Int
    /// Part size of multipart uploads (S3's minimum is 5 MiB; default 16 MiB).
    public let partSize: Int

    public init(_ client: AWSClient, multipartThreshold: Int = 64 * 1024 * 1024, partSize: Int = 16 * 1024 * 1024) {
        self.client = client
        self.multipartThreshold = multipartThreshold
        self.partSize = max(5 * 1024 * 1024, partSize)
    }

    private func path(_ bucket: String, _ key: String? = nil) -> String {
        key.map { "/\(bucket)/\($0)" } ?? "/\(bucket)"
    }

    public func createBucket(_ bucket: String) async throws {
        var body: [UInt8] = []
        if client.region != "us-east-1" {
            body = Array("<CreateBucketConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><LocationConstraint>\(client.region)</LocationConstraint></CreateBucketConfiguration>".utf8)
        }
        _ = try await client.send(.s3, method: "PUT", path: path(bucket), headers: body.isEmpty ? [] : [("Content-Type", "application/xml")], body: body)
    }

    public func putObject(bucket: String, key: String, body: [UInt8], contentType: String = "application/octet-stream") async throws {
        _ = try await client.send(.s3, method: "PUT", path: path(bucket, key), headers: [("Content-Type", contentType)], body: body)
    }

    /// Upload a file: one PUT below 64 MiB, else a multipart upload reading one 16 MiB part at a
    /// time, so memory stays bounded by a part whatever the file size. A failed multipart upload
    /// is aborted so no parts are left behind.
    public func putFile(bucket: String, key: String, path file: String) async throws {
        guard let handle = FileReader(path: file) else { throw AWSError.transport("cannot read \(file)", endpoint: "") }
        if handle.size < multipartThreshold {
            try await putObject(bucket: bucket, key: key, body: try handle.readToEnd())
            return
        }
        let create = try XMLTree(try await client.send(.s3, method: "POST", path: path(bucket, key), query: [("uploads", "")]).body)
        guard let uploadID = create.text("UploadId") else { throw AWSError.malformedResponse("CreateMultipartUpload without UploadId") }
        do {
            var parts: [(Int, String)] = []
            var number = 1
            while true {
                let chunk = try handle.read(upTo: partSize)
                if chunk.isEmpty { break }
                let r = try await client.send(.s3, method: "PUT", path: path(bucket, key),
                                              query: [("partNumber", String(number)), ("uploadId", uploadID)], body: chunk)
                parts.append((number, r.headers["etag"] ?? ""))
                number += 1
            }
            let xml = "<CompleteMultipartUpload>" + parts.map { "<Part><PartNumber>\($0.0)</PartNumber><ETag>\($0.1)</ETag></Part>" }.joined()
                + "</CompleteMultipartUpload>"
            // An explicit type: without one, URLSession labels POST bodies as form data.
            _ = try await client.send(.s3, method: "POST", path: path(bucket, key), query: [("uploadId", uploadID)],
                                      headers: [("Content-Type", "application/xml")], body: Array(xml.utf8))
        } catch {
            _ = try? await client.send(.s3, method: "DELETE", path: path(bucket, key), query: [("uploadId", uploadID)])
            throw error
        }
    }

    public func getObject(bucket: String, key: String) async throws -> [UInt8] {
        try await client.send(.s3, method: "GET", path: path(bucket, key)).body
    }

    /// Stream an object to a file without holding it in memory: downloaded to a temporary file
    /// next to it, then renamed into place, so a failed download never leaves a partial file at
    /// `path` and a large one is never copied across file systems.
    public func getObject(bucket: String, key: String, toFile file: String) async throws {
        let target = URL(fileURLWithPath: file)
        let (_, temp) = try await client.download(.s3, path: path(bucket, key), into: target.deletingLastPathComponent())
        if rename(temp.path, target.path) == 0 { return }
        // A transport that kept its own temporary directory: copy next to the target first.
        let staging = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).bpctl-partial")
        do {
            try? FileManager.default.removeItem(at: staging)
            try FileManager.default.moveItem(at: temp, to: staging) // copies across file systems
            if rename(staging.path, target.path) != 0 { throw AWSError.transport("cannot write \(file)", endpoint: "") }
        } catch {
            try? FileManager.default.removeItem(at: temp)
            try? FileManager.default.removeItem(at: staging)
            throw error
        }
    }

    public struct Head: Sendable {
        public let size: Int
        public let etag: String?
    }

    /// nil when the object does not exist.
    public func headObject(bucket: String, key: String) async throws -> Head? {
        do {
            let r = try await client.send(.s3, method: "HEAD", path: path(bucket, key))
            return Head(size: Int(r.headers["content-length"] ?? "") ?? 0, etag: r.headers["etag"])
        } catch AWSError.service(let e) where e.statusCode == 404 {
            return nil
        }
    }

    public func deleteObject(bucket: String, key: String) async throws {
        _ = try await client.send(.s3, method: "DELETE", path: path(bucket, key))
    }

    /// Every key under a prefix, following continuation tokens.
    public func listObjects(bucket: String, prefix: String = "", pageSize: Int = 1000) async throws -> [String] {
        try await paginate { token in
            var q = [("list-type", "2"), ("prefix", prefix), ("max-keys", String(pageSize))]
            if let token { q.append(("continuation-token", token)) }
            let xml = try XMLTree(try await client.send(.s3, method: "GET", path: path(bucket), query: q).body)
            return (xml.children("Contents").compactMap { $0.text("Key") },
                    xml.text("IsTruncated") == "true" ? xml.text("NextContinuationToken") : nil)
        }
    }

    /// A presigned GET URL (for users who download results without credentials).
    public func presignedGet(bucket: String, key: String, expires: Int = 3600) async throws -> String {
        let e = client.endpoint(.s3)
        let request = HTTPRequest(method: "GET", scheme: e.scheme, host: e.host, port: e.port, path: e.basePath + path(bucket, key))
        return SigV4Signer(service: "s3", region: e.signingRegion).presign(request, credentials: try await client.credentials(),
                                                                          date: AWSDate(secondsSince1970: Int(Date().timeIntervalSince1970)), expires: expires)
    }
}
