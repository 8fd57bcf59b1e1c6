/// Deploy artifacts (zipped Lambda code, nested templates) in an artifact bucket.
extension S3 {
    /// Uploads unless an object of that key is already there: artifact keys carry the content's
    /// hash, so an existing key holds the same bytes and a repeated apply uploads nothing.
    /// Returns whether it uploaded.
    @discardableResult
    public func putArtifact(bucket: String, key: String, body: [UInt8], contentType: String) async throws -> Bool {
        if try await headObject(bucket: bucket, key: key) != nil { return false }
        try await putObject(bucket: bucket, key: key, body: body, contentType: contentType)
        return true
    }
}
