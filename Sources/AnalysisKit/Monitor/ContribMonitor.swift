import AWSClient
import BlueprintKit
import Foundation

/// The Python tool's `monitor` commands (contrib-cli-reference §7) over MonitorReader.
public enum ContribMonitor {
    public enum Failure: Error, Sendable {
        case usage(String)
        case failed(String)
    }

    /// `-s NAME`: an analysis folder under the location (its PipelineName), else a bucket name.
    /// Without -s: the current analysis folder's PipelineName.
    public static func bucket(stackname: String?, config: ContribConfig?) throws(Failure) -> String {
        let folder = stackname ?? config?.analysisName
        guard let folder else { throw .usage("no analysis: pass -s/--stackname, or run 'neurocaas-contrib init' first") }
        if let location = config?.location {
            let path = ((location as NSString).appendingPathComponent(folder) as NSString).appendingPathComponent(Scaffold.blueprintName)
            if case .success(let doc) = Document.load(path: path), let name = doc.root["PipelineName"]?.string { return name }
        }
        guard stackname != nil else { throw .usage("the current analysis \(folder) has no readable blueprint; pass -s/--stackname") }
        return folder
    }

    /// The job a submit file names: its group (first segment of the first dataname), timestamp
    /// and dataset basenames. `-g`/`-t` override.
    public struct JobRef: Sendable, Equatable {
        public let group: String
        public let timestamp: String
        public let datasets: [String]
        public func path(bucket: String) -> String { BucketLayout.jobPath(group: group, bucket: bucket, timestamp: timestamp) }
    }

    public static func job(submitPath: String?, group: String?, timestamp: String?) throws(Failure) -> JobRef {
        var g = group, t = timestamp, datasets: [String] = []
        if let submitPath {
            let doc: Document
            switch Document.load(path: submitPath) {
            case .success(let d): doc = d
            case .failure(let e):
                let at = e.source.location(of: e.error.offset)
                throw .usage("\(submitPath):\(at.line):\(at.column): \(e.error.message)")
            }
            let data = doc.root["dataname"]
            let names = data?.string.map { [$0] } ?? (data?.elements ?? []).compactMap(\.string)
            guard let first = names.first, doc.root["configname"]?.string != nil, let ts = doc.root["timestamp"] else {
                throw .usage("\(submitPath): a submit file needs dataname (a string or a list), configname and timestamp (see 'bpctl check-job')")
            }
            g = g ?? String(first.split(separator: "/").first ?? "")
            t = t ?? (ts.string ?? ts.number?.raw)
            datasets = names.map { String($0.split(separator: "/").last ?? "") }
        }
        guard let g, !g.isEmpty, let t, !t.isEmpty else { throw .usage("give -p SUBMITPATH, or both -g GROUPNAME and -t TIMESTAMP") }
        return JobRef(group: g, timestamp: t, datasets: datasets)
    }

    /// `see-users`: `<group>: ['<key>', …]` per group seen under logs/.
    public static func seeUsers(_ reader: MonitorReader) async throws -> String {
        let keys = try await reader.s3.listObjects(bucket: reader.name, prefix: BucketLayout.logs)
        var byGroup: [String: [String]] = [:]
        for k in keys { if let g = BucketLayout.group(ofLogKey: k) { byGroup[g, default: []].append(k) } }
        return byGroup.keys.sorted().map { g in "\(g): [" + byGroup[g]!.map { "'\($0)'" }.joined(separator: ", ") + "]" }.joined(separator: "\n")
    }

    /// `describe-datastatus`: `key: value` lines, then `std: ` and the log from line `cutoff`.
    public static func describe(_ s: DatasetStatus, cutoff: Int) -> String {
        var out = s.fields.map { "\($0.0): \($0.1)" }.joined(separator: "\n")
        out += "\nstd: \n" + s.log.dropFirst(max(0, cutoff)).joined(separator: "\n")
        return out
    }

    /// `poll-analysis` step: copy every object under `<prefix>/<folder>/` into `<local>/<folder>/`.
    public static func download(_ reader: MonitorReader, prefix: String, folder: String, to local: String) async throws -> Int {
        let base = prefix.hasSuffix("/") ? String(prefix.dropLast()) : prefix
        var n = 0
        for key in try await reader.s3.listObjects(bucket: reader.name, prefix: "\(base)/\(folder)/") where !key.hasSuffix("/") {
            let rel = String(key.dropFirst(base.count + 1))
            guard !rel.split(separator: "/").contains("..") else { continue } // never write outside `local`
            let target = (local as NSString).appendingPathComponent(rel)
            try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try await reader.s3.getObject(bucket: reader.name, key: key, toFile: target)
            n += 1
        }
        return n
    }

    /// `visualize-parallelism`'s per-group file: per job, its instances, their durations (s),
    /// the last start and the first end, as the Python tool records them.
    public static func parallelLogs(_ records: [InstanceRecord], group: String) -> String {
        var jobs: [(String, JSONOut)] = []
        let mine = records.filter { $0.group == group }
        for (job, rs) in Dictionary(grouping: mine, by: { $0.jobPath ?? "unknown" }).sorted(by: { $0.key < $1.key }) {
            let durations = rs.map { r -> JSONOut in
                guard let s = r.start, let e = r.end else { return .null }
                return .int(Int(e.timeIntervalSince(s)))
            }
            jobs.append((job, .object([
                ("instances", .array(rs.map { .string($0.instanceID) })),
                ("durations", .array(durations)),
                ("laststart", .optional(rs.compactMap(\.start).max().map(RecordTime.format))),
                ("firstend", .optional(rs.compactMap(\.end).min().map(RecordTime.format))),
            ])))
        }
        return JSONOut.object(jobs).serialized() + "\n"
    }
}
