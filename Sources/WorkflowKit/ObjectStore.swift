import AWSClient
import Foundation

/// Where S3-registered files come from and results go. A protocol so the workflow logic can be
/// exercised against moto through the real S3 client, or any other store.
public protocol ObjectStore: Sendable {
    func download(_ uri: S3URI, to file: String) async throws
    func upload(_ file: String, to uri: S3URI) async throws
}

/// The store backed by AWSClient's S3 calls: downloads stream to disk, large uploads go in parts.
public struct S3Store: ObjectStore {
    let s3: S3

    public init(_ s3: S3) { self.s3 = s3 }

    public func download(_ uri: S3URI, to file: String) async throws {
        do {
            try await s3.getObject(bucket: uri.bucket, key: uri.key, toFile: file)
        } catch AWSError.service(let e) where e.code == "NoSuchKey" || e.statusCode == 404 {
            throw WorkflowError("\(uri) does not exist", hint: "check the bucket and key given to the register command")
        }
    }

    public func upload(_ file: String, to uri: S3URI) async throws {
        try await s3.putFile(bucket: uri.bucket, key: uri.key, path: file)
    }
}
