import AWSClient

/// Reads a deployed analysis's bucket: instance records per group, budgets.
public struct BucketReader: Sendable {
    public let s3: S3
    public let bucket: String

    public init(s3: S3, bucket: String) {
        self.s3 = s3
        self.bucket = bucket
    }

    /// Every `logs/<group>/i-*.json` record (one group, or all). Unreadable records are skipped.
    public func records(group: String? = nil) async throws -> [InstanceRecord] {
        let prefix = group.map { "\(BucketLayout.logs)\($0)/" } ?? BucketLayout.logs
        var out: [InstanceRecord] = []
        for key in try await s3.listObjects(bucket: bucket, prefix: prefix) where key.hasSuffix(".json") {
            guard let g = BucketLayout.group(ofLogKey: key) else { continue }
            if let r = InstanceRecord(group: g, key: key, bytes: try await s3.getObject(bucket: bucket, key: key)) { out.append(r) }
        }
        return out
    }

    /// The group's budget: the SSM parameter when set, else MAXCOST (as the job manager does).
    public func budget(ssm: SSM, group: String, pipeline: String, maxCost: Double?) async throws -> (Double?, String) {
        let name = BucketLayout.budgetParameter(group: group, pipeline: pipeline)
        if let v = try await ssm.getParameter(name) { return (Double(v.trimmingCharacters(in: .whitespaces)), name) }
        return (maxCost, "MAXCOST")
    }
}
