import Foundation

/// The plan document: what `bpctl plan` shows, `-out` saves, `bpctl show` reads back and the
/// applier executes. `bpctl diff` produces the same document with kind "diff".
/// JSON: schemas/plan.schema.json; minor version bumps for additions, major for breaking changes.
public struct Plan: Sendable, Equatable, Codable {
    public static let formatVersion = "1.0"

    public enum Kind: String, Sendable, Codable { case plan, diff }

    public struct Blueprint: Sendable, Equatable, Codable {
        public let path: String
        public let sha256: String
        public init(path: String, sha256: String) {
            self.path = path
            self.sha256 = sha256
        }
    }

    public struct Git: Sendable, Equatable, Codable {
        /// HEAD when the plan was made (nil: unborn branch).
        public let head: String?
        /// The blueprint's path in the repository.
        public let path: String
        /// Whether the committed version of the blueprint was used to tell drift from intent.
        public let committed: Bool
    }

    /// What was read from AWS, for `--refresh=false` and staleness checks.
    public struct Live: Sendable, Equatable, Codable {
        public let request: ReadRequest
        public let facts: LiveFacts
        /// Fact key → sha256 of the fact.
        public let fingerprints: [String: String]
    }

    public var formatVersion: String = Plan.formatVersion
    public var bpctlVersion: String
    public let kind: Kind
    public let pipeline: String
    public let region: String
    public let stage: String?
    /// The blueprint planned (diff: the new side).
    public var blueprint: Blueprint
    /// diff only: the old side.
    public let base: Blueprint?
    public let git: Git?
    public let changes: [Change]
    public let checks: [PlanCheck]
    public let cost: CostEstimate?
    public let live: Live?

    enum CodingKeys: String, CodingKey {
        case formatVersion = "format_version", bpctlVersion = "bpctl_version", kind, pipeline, region, stage, blueprint, base, git
        case summary, changes, checks, cost, live, applyable
    }

    public init(bpctlVersion: String, kind: Kind, pipeline: String, region: String, stage: String?, blueprint: Blueprint, base: Blueprint? = nil,
                git: Git?, changes: [Change], checks: [PlanCheck], cost: CostEstimate?, live: Live?) {
        self.bpctlVersion = bpctlVersion
        self.kind = kind
        self.pipeline = pipeline
        self.region = region
        self.stage = stage
        self.blueprint = blueprint
        self.base = base
        self.git = git
        self.changes = changes
        self.checks = checks
        self.cost = cost
        self.live = live
    }

    public struct Summary: Sendable, Equatable, Codable {
        public let create, update, replace, delete, drifted: Int
    }

    public var summary: Summary {
        func n(_ a: Change.Action) -> Int { changes.filter { $0.action == a }.count }
        return Summary(create: n(.create), update: n(.update), replace: n(.replace), delete: n(.delete),
                       drifted: changes.filter { !$0.drifted.isEmpty }.count)
    }

    /// Resources that would change (no-ops left out).
    public var actionable: [Change] { changes.filter { $0.action != .noOp } }
    public var hasChanges: Bool { !actionable.isEmpty }
    /// A plan with an error check (a missing user, no AMI) cannot be applied as is.
    public var applyable: Bool { kind == .plan && !checks.contains { $0.severity == .error } }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        formatVersion = try c.decode(String.self, forKey: .formatVersion)
        bpctlVersion = try c.decode(String.self, forKey: .bpctlVersion)
        kind = try c.decode(Kind.self, forKey: .kind)
        pipeline = try c.decode(String.self, forKey: .pipeline)
        region = try c.decode(String.self, forKey: .region)
        stage = try c.decodeIfPresent(String.self, forKey: .stage)
        blueprint = try c.decode(Blueprint.self, forKey: .blueprint)
        base = try c.decodeIfPresent(Blueprint.self, forKey: .base)
        git = try c.decodeIfPresent(Git.self, forKey: .git)
        changes = try c.decode([Change].self, forKey: .changes)
        checks = try c.decode([PlanCheck].self, forKey: .checks)
        cost = try c.decodeIfPresent(CostEstimate.self, forKey: .cost)
        live = try c.decodeIfPresent(Live.self, forKey: .live)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(formatVersion, forKey: .formatVersion)
        try c.encode(bpctlVersion, forKey: .bpctlVersion)
        try c.encode(kind, forKey: .kind)
        try c.encode(pipeline, forKey: .pipeline)
        try c.encode(region, forKey: .region)
        try c.encode(stage, forKey: .stage)
        try c.encode(blueprint, forKey: .blueprint)
        try c.encode(base, forKey: .base)
        try c.encode(git, forKey: .git)
        try c.encode(summary, forKey: .summary)
        try c.encode(changes, forKey: .changes)
        try c.encode(checks, forKey: .checks)
        try c.encode(cost, forKey: .cost)
        try c.encode(live, forKey: .live)
        try c.encode(applyable, forKey: .applyable)
    }

    /// Pretty JSON with sorted keys (stable across runs, so plan files diff cleanly).
    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return ((try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}") + "\n"
    }

    public static func decode(_ data: Data) throws -> Plan {
        try JSONDecoder().decode(Plan.self, from: data)
    }
}
