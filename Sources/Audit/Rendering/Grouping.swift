/// `--by user|pipeline`: which records and findings each section of a table holds.
public enum AuditGrouping: String, Sendable, CaseIterable {
    case user, pipeline

    struct Section {
        let title: String
        let records: [AuditReport.Record]
        let findings: [AuditFinding]
    }

    /// Sections in first-seen order; findings that fit no section (a user-level finding when
    /// grouping by pipeline, an affiliate-level one when grouping by user) go in a last section.
    func sections(_ report: AuditReport) -> [Section] {
        // Section title as shown; its key folds case for users (IAM names are case-insensitive).
        let title: (AuditReport.Record) -> String = self == .user ? { $0.user } : { $0.pipeline }
        let findingTitle: (AuditFinding) -> String? = self == .user ? { $0.user } : { $0.pipeline }
        let fold: (String) -> String = self == .user ? { $0.lowercased() } : { $0 }
        var order: [String] = []
        var titles: [String: String] = [:]
        var records: [String: [AuditReport.Record]] = [:]
        var findings: [String: [AuditFinding]] = [:]
        var other: [AuditFinding] = []
        func open(_ t: String) -> String {
            let k = fold(t)
            if titles[k] == nil { order.append(k); titles[k] = t }
            return k
        }
        for r in report.records { records[open(title(r)), default: []].append(r) }
        for f in report.findings {
            if let t = findingTitle(f) { findings[open(t), default: []].append(f) } else { other.append(f) }
        }
        var out = order.map { Section(title: titles[$0] ?? $0, records: records[$0] ?? [], findings: findings[$0] ?? []) }
        if !other.isEmpty { out.append(Section(title: self == .user ? "(affiliates)" : "(users)", records: [], findings: other)) }
        return out
    }
}
