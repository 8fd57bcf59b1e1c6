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
        let key: (AuditReport.Record) -> String = self == .user ? { $0.user.lowercased() } : { $0.pipeline }
        let findingKey: (AuditFinding) -> String? = self == .user ? { $0.user?.lowercased() } : { $0.pipeline }
        var order: [String] = []
        var titles: [String: String] = [:]
        var records: [String: [AuditReport.Record]] = [:]
        for r in report.records {
            let k = key(r)
            if records[k] == nil { order.append(k); titles[k] = self == .user ? r.user : r.pipeline }
            records[k, default: []].append(r)
        }
        var findings: [String: [AuditFinding]] = [:]
        var other: [AuditFinding] = []
        for f in report.findings {
            if let k = findingKey(f) {
                if records[k] == nil, titles[k] == nil { order.append(k); titles[k] = self == .user ? f.user! : f.pipeline! ; records[k] = [] }
                findings[k, default: []].append(f)
            } else {
                other.append(f)
            }
        }
        var out = order.map { Section(title: titles[$0]!, records: records[$0] ?? [], findings: findings[$0] ?? []) }
        if !other.isEmpty { out.append(Section(title: self == .user ? "(affiliates)" : "(users)", records: [], findings: other)) }
        return out
    }
}
