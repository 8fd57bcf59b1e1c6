import Foundation

/// One dataset's status file, `…/logs/DATASET_NAME:<name>_STATUS.txt` (JSON despite .txt):
/// written INITIALIZING by the job manager, then updated by the workflow's log-command.
public struct DatasetStatus: Sendable, Equatable {
    public let dataset: String
    public let status: String
    public let reason: String?
    public let input: String?
    public let instance: String?
    /// The analysis log lines the status carries (`std`), when any.
    public let log: [String]
    /// Every top-level field as text, in key order, for `describe-datastatus`.
    public let fields: [(String, String)]

    public static func == (a: DatasetStatus, b: DatasetStatus) -> Bool {
        a.dataset == b.dataset && a.status == b.status && a.reason == b.reason && a.log == b.log
    }

    /// The dataset name inside a status key; nil for other keys.
    public static func dataset(ofKey key: String) -> String? {
        guard let file = key.split(separator: "/").last, file.hasPrefix("DATASET_NAME:"), file.hasSuffix("_STATUS.txt") else { return nil }
        return String(file.dropFirst("DATASET_NAME:".count).dropLast("_STATUS.txt".count))
    }

    public init?(dataset: String, bytes: [UInt8]) {
        guard let o = (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any] else { return nil }
        self.dataset = dataset
        status = o["status"] as? String ?? "UNKNOWN"
        reason = (o["reason"] as? [String])?.joined(separator: "; ") ?? o["reason"] as? String
        input = o["input"] as? String
        instance = o["instance"] as? String
        // `std` is {"0": "line\n", "1": …} as log-command writes it; lists and strings also occur.
        if let std = o["std"] as? [String: Any] {
            log = std.compactMap { k, v in Int(k).flatMap { i in (v as? String).map { (i, $0) } } }.sorted { $0.0 < $1.0 }
                .map { $0.1.hasSuffix("\n") ? String($0.1.dropLast()) : $0.1 }
        } else if let std = o["std"] as? [String] {
            log = std
        } else if let std = o["std"] as? String {
            log = std.components(separatedBy: "\n")
        } else {
            log = []
        }
        fields = o.keys.sorted().filter { $0 != "std" }.map { k in
            let v = o[k]!
            if let s = v as? String { return (k, s) }
            let d = (try? JSONSerialization.data(withJSONObject: v, options: [.fragmentsAllowed, .sortedKeys])) ?? Data()
            return (k, String(decoding: d, as: UTF8.self))
        }
    }
}

/// One job as monitoring sees it: its folder, datasets' statuses, instances and cost.
public struct JobSummary: Sendable {
    public let path: String // <group>/results/job__<bucket>_<timestamp>
    public let group: String
    public let datasets: [DatasetStatus]
    public let instances: [InstanceRecord]
    /// The end marker found (update.txt from the workflow's cleanup, end.txt from FigLambda).
    public let endMarker: String?

    public var name: String { String(path.split(separator: "/").last ?? "") }

    /// SUCCESS/FAILED/… when all datasets agree, else the datasets' statuses joined.
    public var status: String {
        let all = Set(datasets.map(\.status))
        if all.isEmpty { return endMarker == nil ? "NO STATUS" : "ENDED" }
        return all.count == 1 ? all.first! : all.sorted().joined(separator: "/")
    }

    /// From the first instance start to the last end (nil while unknown).
    public var duration: TimeInterval? {
        let starts = instances.compactMap(\.start), ends = instances.compactMap(\.end)
        guard let s = starts.min(), let e = ends.max(), ends.count == instances.count else { return nil }
        return e.timeIntervalSince(s)
    }

    public var cost: Double { instances.reduce(0) { $0 + $1.cost } }
}
