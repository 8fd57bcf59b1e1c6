import Foundation
import BlueprintKit

/// Everything a job check looks at: the blueprint the job is sent to, the user's submit.json and
/// config, the analysis's config schema, and (with --live) what AWS holds.
public struct JobInput: Sendable {
    public let blueprint: Blueprint
    public let submit: Document
    /// Nil when the config was neither given nor found (the config checks are then skipped).
    public var config: Document?
    /// The analysis-declared config schema (config.schema.json beside the blueprint).
    public var configSchema: CompiledSchema?
    /// The group the submit.json is uploaded under (`<group>/submissions/`), when known.
    public var group: String?
    /// On-demand USD per hour of the job's instance type, when known.
    public var hourlyPrice: Double?
    /// Where that price comes from (shown with the cost finding).
    public var priceSource: String?
    public var live: LiveFacts?
    /// The config fetched by --live did not parse (reported like an unreadable file, exit 2).
    public var configLoadError: LoadError?

    public init(blueprint: Blueprint, submit: Document, config: Document? = nil, configSchema: CompiledSchema? = nil,
                group: String? = nil, hourlyPrice: Double? = nil, live: LiveFacts? = nil) {
        self.blueprint = blueprint
        self.submit = submit
        self.config = config
        self.configSchema = configSchema
        self.group = group
        self.hourlyPrice = hourlyPrice
        self.live = live
    }
}

/// The submit.json fields as the job manager reads them (blueprint reference §5.2).
extension JobInput {
    func submitField(_ key: String) -> Field? { submit.root.field(key, parentPointer: "") }

    /// Every dataname entry that is a string (a string dataname is a one-entry list).
    public var datanames: [Located<String>] {
        guard let f = submitField("dataname") else { return [] }
        if let s = f.string { return [s] }
        return (f.node.elements ?? []).enumerated().compactMap { i, e in
            e.string.map { Located($0, node: e, pointer: JSONPointer.appending(f.pointer, i)) }
        }
    }

    public var configname: Located<String>? { submitField("configname")?.string }

    /// The timestamp as the job manager puts it into the job name (any scalar, as Python's str()).
    public var timestamp: String? {
        guard let n = submitField("timestamp")?.node else { return nil }
        if let s = n.string { return s }
        if let num = n.number { return num.raw }
        return nil
    }

    /// The input bucket: the bypass bucket when dataname is an s3:// URI, else PipelineName.
    public var bucket: String {
        if let first = datanames.first?.value, let uri = S3Key(first), uri.bucket != nil { return uri.bucket! }
        return blueprint.pipelineNameValue ?? "PIPELINE"
    }

    /// The group the job belongs to: the given one, else the first segment of the first dataset key.
    public var impliedGroup: String? {
        if let group { return group }
        guard let first = datanames.first.flatMap({ S3Key($0.value) }) else { return nil }
        return first.segments.first
    }

    /// The instance type the job will run on (submit.json may override INSTANCE_TYPE).
    public var instanceType: String? {
        submitField("instance_type")?.node.string ?? blueprint.lambda?.config?.instanceType?.node.string
    }

    /// `__duration__` when it is a valid whole number of minutes.
    public var durationMinutes: Int? {
        guard let f = config?.root.field("__duration__", parentPointer: ""), let n = f.node.number,
              !n.raw.contains("."), !n.raw.lowercased().contains("e"), let i = n.integer, i > 0 else { return nil }
        return i
    }

    /// The job manager's own duration for the cost bound: `__duration__`, else 60 minutes.
    public var costMinutes: Int { durationMinutes ?? 60 }

    /// This job's upper-bound cost (price × duration × datasets), when the price is known.
    public var projectedCost: Double? {
        hourlyPrice.map { $0 * Double(costMinutes) / 60 * Double(max(1, datanames.count)) }
    }

    /// MAXCOST as the job manager reads it (float(MAXCOST)).
    public var maxCost: Double? { blueprint.maxCostValue }

    /// The four values the job manager formats COMMAND with, for dataset `key` (§5.8).
    public func commandValues(datasetKey: String) -> [String] {
        let bucket = self.bucket
        let result = "results/job__\(bucket)_\(timestamp ?? "TIMESTAMP")"
        let config = configname.map { S3Key($0.value)?.key ?? $0.value } ?? ""
        return [bucket, S3Key(datasetKey)?.key ?? datasetKey, result, config]
    }
}

/// A key as written in submit.json: `<group>/inputs/x` or an `s3://bucket/key` bypass URI.
public struct S3Key: Sendable, Equatable {
    public let bucket: String?
    public let key: String

    public init?(_ text: String) {
        if text.hasPrefix("s3://") {
            let rest = text.dropFirst(5)
            guard let slash = rest.firstIndex(of: "/"), slash != rest.startIndex else { return nil }
            bucket = String(rest[..<slash])
            key = String(rest[rest.index(after: slash)...])
        } else {
            bucket = nil
            key = text
        }
    }

    public var segments: [String] { key.split(separator: "/", omittingEmptySubsequences: false).map(String.init) }
}
