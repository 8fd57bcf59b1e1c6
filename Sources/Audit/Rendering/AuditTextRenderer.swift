import BlueprintKit

/// The readable table: one section per user (or pipeline), its memberships as rows, then its
/// findings as `file:line:col: severity[id]: message` with a hint; the summary line last.
public struct AuditTextRenderer: Sendable {
    public var color: Bool
    public var grouping: AuditGrouping

    public init(color: Bool, grouping: AuditGrouping) {
        self.color = color
        self.grouping = grouping
    }

    public func render(_ report: AuditReport) -> String {
        var out = ""
        let live = report.iam != nil
        for section in grouping.sections(report) {
            out += paint("1", section.title) + "\n"
            if !section.records.isEmpty {
                var rows = [[grouping == .user ? "PIPELINE" : "USER", "AFFILIATE", "GROUP", "GROUPS/10"] + (live ? ["IAM"] : []) + ["WHERE"]]
                for r in section.records {
                    var row = [grouping == .user ? r.pipeline : r.user, r.affiliate, r.group, String(r.groupCount)]
                    if live { row.append(Self.state(r)) }
                    row.append(r.declared ? r.position.description : "(not in any blueprint)")
                    rows.append(row)
                }
                out += table(rows)
            }
            for f in section.findings { out += "  " + line(f) + "\n" }
            out += "\n"
        }
        return out + report.summary + "\n"
    }

    static func state(_ r: AuditReport.Record) -> String {
        switch (r.userExists, r.member) {
        case (false?, _): return "no such user"
        case (_, false?): return "not a member"
        case (_, true?): return r.declared ? "member" : "undeclared member"
        default: return "-"
        }
    }

    func line(_ f: AuditFinding) -> String {
        var s = f.position.map { "\($0.description): " } ?? ""
        s += "\(label(f.severity))[\(f.id)]: \(f.message)"
        if let r = f.related { s += "\n      note: see \(r.description)" }
        if let h = f.hint { s += "\n      \(paint("36", "hint:")) \(h)" }
        return s
    }

    /// Columns padded to their widest cell (in Unicode scalars; Foundation's padding was a third
    /// of a 1,000-blueprint run).
    private func table(_ rows: [[String]]) -> String {
        var widths = [Int](repeating: 0, count: rows[0].count)
        for row in rows { for (i, c) in row.enumerated() { widths[i] = max(widths[i], c.unicodeScalars.count) } }
        var out = ""
        for (n, row) in rows.enumerated() {
            var text = " "
            for (i, c) in row.enumerated() {
                text += " "
                text += c
                if i < row.count - 1 { text += String(repeating: " ", count: widths[i] - c.unicodeScalars.count + 1) }
            }
            out += (n == 0 ? paint("2", text) : text) + "\n"
        }
        return out
    }

    private func label(_ s: Severity) -> String {
        switch s {
        case .error: return paint("31", "error")
        case .warning: return paint("33", "warning")
        case .info: return paint("34", "info")
        }
    }

    private func paint(_ code: String, _ s: String) -> String { color ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
}
