import BlueprintKit
import Foundation

/// One audit finding: stable id, severity, what is wrong and how to fix it, who and what it is
/// about (for grouping by user or pipeline) and, where a blueprint is involved, file:line:col.
public struct AuditFinding: Sendable, Equatable {
    public let id: String
    public let severity: Severity
    public let message: String
    public let hint: String?
    /// IAM user the finding is about (`<UserName><REGION>`), if any.
    public let user: String?
    public let pipeline: String?
    public let affiliate: String?
    /// IAM group the finding is about, if any.
    public let group: String?
    public let position: Position?
    /// Another place that explains it (the first listing, the 10th group).
    public let related: Position?

    public init(id: String, severity: Severity, message: String, hint: String?, user: String? = nil, pipeline: String? = nil,
                affiliate: String? = nil, group: String? = nil, position: Position?, related: Position? = nil) {
        self.id = id
        self.severity = severity
        self.message = message
        self.hint = hint
        self.user = user
        self.pipeline = pipeline
        self.affiliate = affiliate
        self.group = group
        self.position = position
        self.related = related
    }

    /// Stable order: by file position, then id, then message; findings without a position last.
    static func ordered(_ a: AuditFinding, _ b: AuditFinding) -> Bool {
        switch (a.position, b.position) {
        case let (p?, q?) where p != q:
            return (p.file, p.line, p.column) < (q.file, q.line, q.column)
        case (nil, _?): return false
        case (_?, nil): return true
        default: return (a.id, a.message) < (b.id, b.message)
        }
    }
}

/// What a finding kind is, written next to its code (as BlueprintKit's rules and SwiftLint do).
public struct FindingDescription: Sendable {
    public let id: String
    public let name: String
    public let severity: Severity
    public let summary: String
    public let rationale: String
    /// Needs IAM (`--live`).
    public let live: Bool
    public let triggering: [AuditExample]
    public let nonTriggering: [AuditExample]

    public init(id: String, name: String, severity: Severity, summary: String, rationale: String, live: Bool = false,
                triggering: [AuditExample], nonTriggering: [AuditExample]) {
        self.id = id
        self.name = name
        self.severity = severity
        self.summary = summary
        self.rationale = rationale
        self.live = live
        self.triggering = triggering
        self.nonTriggering = nonTriggering
    }
}

/// Blueprints (BlueprintKit's example blueprints and edits) plus, for live findings, an IAM state.
public struct AuditExample: Sendable {
    public let blueprints: RuleExample
    public let iam: IAMSnapshot?
    public let days: Double
    public let maxKeyAge: Int?

    /// `days`: how far after the keys' dates the audit runs.
    public init(_ blueprints: RuleExample, iam: IAMSnapshot? = nil, days: Double = 0, maxKeyAge: Int? = nil) {
        self.blueprints = blueprints
        self.iam = iam
        self.days = days
        self.maxKeyAge = maxKeyAge
    }
}

/// Settings findings read.
public struct AuditOptions: Sendable {
    public var now: Date
    /// Keys older than this many days are reported (BP316); nil: never.
    public var maxKeyAge: Int?
    /// Keys not used for this many days are reported (BP315).
    public var unusedKeyDays: Int

    public init(now: Date = Date(), maxKeyAge: Int? = nil, unusedKeyDays: Int = 90) {
        self.now = now
        self.maxKeyAge = maxKeyAge
        self.unusedKeyDays = unusedKeyDays
    }
}

/// What a finding kind reads: the blueprints' intent and, with `--live`, IAM.
public struct AuditInput: Sendable {
    public let model: AuditModel
    public let iam: IAMSnapshot?
    public let options: AuditOptions
}

/// A kind of finding.
public protocol AuditCheck: Sendable {
    static var description: FindingDescription { get }
    init()
    func check(_ input: AuditInput) -> [AuditFinding]
}

extension AuditCheck {
    func finding(_ message: String, hint: String?, user: String? = nil, pipeline: String? = nil, affiliate: String? = nil,
                 group: String? = nil, at position: Position?, related: Position? = nil) -> AuditFinding {
        AuditFinding(id: Self.description.id, severity: Self.description.severity, message: message, hint: hint, user: user,
                     pipeline: pipeline, affiliate: affiliate, group: group, position: position, related: related)
    }

    /// A finding about an affiliate entry.
    func finding(_ a: AuditModel.Affiliate, _ message: String, hint: String?, at position: Position? = nil, user: String? = nil,
                 related: Position? = nil) -> AuditFinding {
        finding(message, hint: hint, user: user, pipeline: a.pipeline, affiliate: a.name, group: a.group, at: position ?? a.position, related: related)
    }
}
