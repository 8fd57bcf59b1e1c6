import AWSClient
import Foundation

/// Reads what jobs leave in an analysis bucket (contrib-cli-reference §10): instance records
/// under logs/, job folders with status files, certificates and end markers.
public struct MonitorReader: Sendable {
    public let bucket: BucketReader
    public var s3: S3 { bucket.s3 }
    public var name: String { bucket.bucket }

    public init(s3: S3, bucket: String) {
        self.bucket = BucketReader(s3: s3, bucket: bucket)
    }

    /// Groups seen in the logs (`logs/<group>/`) plus the given ones (the blueprint's affiliates).
    public func groups(known: [String] = []) async throws -> [String] {
        var seen = Set(known)
        for key in try await s3.listObjects(bucket: name, prefix: BucketLayout.logs) {
            let parts = key.split(separator: "/", omittingEmptySubsequences: false)
            if parts.count >= 3, !parts[1].isEmpty, !BucketLayout.notGroups.contains(String(parts[1])) { seen.insert(String(parts[1])) }
        }
        return seen.sorted()
    }

    /// Every job of the groups: folders under `<group>/results/`, with their instance records.
    public func jobs(groups: [String]) async throws -> [JobSummary] {
        let records = try await bucket.records()
        var out: [JobSummary] = []
        for group in groups {
            let keys = try await s3.listObjects(bucket: name, prefix: "\(group)/results/")
            var byJob: [String: [String]] = [:]
            for key in keys {
                let parts = key.split(separator: "/", maxSplits: 3, omittingEmptySubsequences: false)
                guard parts.count == 4 else { continue }
                byJob["\(parts[0])/\(parts[1])/\(parts[2])", default: []].append(key)
            }
            for (path, keys) in byJob.sorted(by: { $0.key < $1.key }) {
                out.append(try await summary(path: path, group: group, keys: keys, records: records))
            }
        }
        return out
    }

    /// One job by its folder key (`<group>/results/job__…`).
    public func job(_ path: String) async throws -> JobSummary {
        let trimmed = path.hasSuffix("/") ? String(path.dropLast()) : path
        let keys = try await s3.listObjects(bucket: name, prefix: trimmed + "/")
        let group = String(trimmed.split(separator: "/").first ?? "")
        return try await summary(path: trimmed, group: group, keys: keys, records: try await bucket.records(group: group))
    }

    public func certificate(job path: String) async throws -> String? {
        let key = BucketLayout.certificate(job: path)
        guard try await s3.headObject(bucket: name, key: key) != nil else { return nil }
        return String(decoding: try await s3.getObject(bucket: name, key: key), as: UTF8.self)
    }

    private func summary(path: String, group: String, keys: [String], records: [InstanceRecord]) async throws -> JobSummary {
        var statuses: [DatasetStatus] = []
        for key in keys.sorted() {
            guard let dataset = DatasetStatus.dataset(ofKey: key), key.hasPrefix(path + "/logs/") else { continue }
            if let s = DatasetStatus(dataset: dataset, bytes: try await s3.getObject(bucket: name, key: key)) { statuses.append(s) }
        }
        let marker = BucketLayout.endMarkers(job: path).first { keys.contains($0) }.map { String($0.split(separator: "/").last!) }
        let jobName = path.split(separator: "/").last.map(String.init) ?? path
        let instances = records.filter { r in
            guard let p = r.jobPath else { return false }
            let trimmed = p.hasSuffix("/") ? String(p.dropLast()) : p
            return trimmed == path || trimmed.hasSuffix("/" + jobName) || trimmed == jobName
        }
        return JobSummary(path: path, group: group, datasets: statuses, instances: instances, endMarker: marker)
    }
}
