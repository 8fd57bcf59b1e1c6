/// `--format markdown`: the text table as GitHub-flavoured Markdown (for issues and PR comments).
public struct AuditMarkdownRenderer: Sendable {
    public var grouping: AuditGrouping

    public init(grouping: AuditGrouping) { self.grouping = grouping }

    public func render(_ report: AuditReport) -> String {
        var out = "# Affiliate audit\n\n\(report.summary)\n"
        let live = report.iam != nil
        for section in grouping.sections(report) {
            out += "\n## \(cell(section.title))\n\n"
            if !section.records.isEmpty {
                let head = [grouping == .user ? "Pipeline" : "User", "Affiliate", "Group", "Groups/10"] + (live ? ["IAM"] : []) + ["Where"]
                out += "| " + head.joined(separator: " | ") + " |\n|" + head.map { _ in "---|" }.joined() + "\n"
                for r in section.records {
                    var row = [grouping == .user ? r.pipeline : r.user, r.affiliate, r.group, String(r.groupCount)]
                    if live { row.append(AuditTextRenderer.state(r)) }
                    row.append(r.declared ? r.position.description : "(not in any blueprint)")
                    out += "| " + row.map(cell).joined(separator: " | ") + " |\n"
                }
                out += "\n"
            }
            for f in section.findings {
                out += "- **\(f.severity.rawValue)** `\(f.id)` \(cell(f.message))"
                if let p = f.position { out += " (`\(p.description)`)" }
                if let h = f.hint { out += ": \(cell(h))" }
                out += "\n"
            }
        }
        return out
    }

    /// Escape what would break a table cell or start markup.
    private func cell(_ s: String) -> String {
        s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
