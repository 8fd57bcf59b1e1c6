import BlueprintKit
import Foundation

/// The audit's result: one record per (user, pipeline, affiliate) with what IAM says about it,
/// the findings, and the counts the summary line and exit code need.
public struct AuditReport: Sendable {
    public struct Record: Sendable {
        public let user: String
        public let pipeline: String
        public let affiliate: String
        public let group: String
        /// Listed in a blueprint (false: found only in IAM).
        public let declared: Bool
        /// Distinct groups the blueprints put this user in.
        public let groupCount: Int
        /// With --live: the user exists / is a member of the group; nil offline.
        public let userExists: Bool?
        public let member: Bool?
        public let position: Position
    }

    public let model: AuditModel
    public let iam: IAMSnapshot?
    public let findings: [AuditFinding]
    public let generated: Date
    public let records: [Record]

    init(model: AuditModel, iam: IAMSnapshot?, findings: [AuditFinding], generated: Date) {
        self.model = model
        self.iam = iam
        self.findings = findings
        self.generated = generated
        var records: [Record] = []
        struct Pair: Hashable { let user: String, group: String }
        var seen = Set<Pair>()
        for a in model.affiliates {
            let group = iam?.group(a.group)
            let members = Set(group?.members.map { $0.lowercased() } ?? [])
            for m in a.members where seen.insert(Pair(user: m.key, group: a.groupKey)).inserted {
                records.append(Record(user: m.iamUser, pipeline: a.pipeline, affiliate: a.name, group: a.group, declared: true,
                                      groupCount: model.groupsByUser[m.key]?.count ?? 0,
                                      userExists: iam.map { $0.user(m.iamUser) != nil }, member: iam.map { _ in members.contains(m.key) },
                                      position: m.position))
            }
            // Access the blueprint does not grant: members of the group no blueprint lists.
            for member in group?.members ?? [] where seen.insert(Pair(user: member.lowercased(), group: a.groupKey)).inserted {
                records.append(Record(user: member, pipeline: a.pipeline, affiliate: a.name, group: a.group, declared: false,
                                      groupCount: iam?.groupsOfUser[member.lowercased()]?.count ?? 0, userExists: true, member: true,
                                      position: a.position))
            }
        }
        self.records = records
    }

    public func count(_ s: Severity) -> Int { findings.filter { $0.severity == s }.count }

    /// 1 when a finding reaches the threshold, else 0 (unreadable input, 2, is the caller's).
    public func exitCode(failOn threshold: FailThreshold) -> Int32 {
        guard let minimum = threshold.severity else { return ExitStatus.ok }
        return findings.contains { $0.severity >= minimum } ? ExitStatus.findings : ExitStatus.ok
    }

    public var summary: String {
        func n(_ c: Int, _ word: String) -> String { "\(c) \(word)\(c == 1 ? "" : "s")" }
        var s = "\(n(model.users.count, "user")), \(n(model.pipelines.count, "pipeline")), \(n(model.affiliates.count, "affiliate")) in \(n(model.files.count, "file"))"
        var notes: [String] = []
        if model.unreadableFiles > 0 { notes.append("\(model.unreadableFiles) unreadable") }
        if model.skippedAffiliates > 0 { notes.append("\(n(model.skippedAffiliates, "affiliate")) skipped: no usable PipelineName or AffiliateName") }
        if !notes.isEmpty { s += " (\(notes.joined(separator: "; ")))" }
        s += ": \(n(count(.error), "error")), \(n(count(.warning), "warning")), \(count(.info)) info"
        if let iam { s += " (IAM: \(n(iam.users.count, "user")), \(n(iam.groups.count, "group")); credentials from \(iam.credentialSource)\(iam.credentialReportGenerated.map { " of \(ISO8601DateFormatter().string(from: $0))" } ?? ""))" }
        else { s += " (offline; --live also reads IAM)" }
        return s
    }
}
