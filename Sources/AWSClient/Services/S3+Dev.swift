/// S3 checks for dev-instance jobs.
extension S3 {
    /// True when at least one key starts with the prefix (one ListObjectsV2 call, one key).
    public func hasObject(bucket: String, prefix: String) async throws -> Bool {
        let r = try await client.send(.s3, method: "GET", path: "/\(bucket)", query: [("list-type", "2"), ("prefix", prefix), ("max-keys", "1")])
        return !(try XMLTree(r.body).children("Contents").isEmpty)
    }
}
