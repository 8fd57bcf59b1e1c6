/// `--format csv` for spreadsheets: one row per (user, pipeline, affiliate) record, with the ids
/// of the findings about that user or that affiliate (RFC 4180 quoting).
public enum AuditCSVRenderer {
    public static func render(_ report: AuditReport) -> String {
        var out = "user,pipeline,affiliate,group,declared,group_count,user_exists,member,file,line,column,findings\r\n"
        // Findings about a user (any pipeline, or this one) and about an affiliate as a whole.
        var byUser: [String: [AuditFinding]] = [:], byAffiliate: [String: [AuditFinding]] = [:]
        for f in report.findings {
            if let u = f.user { byUser[u.lowercased(), default: []].append(f) }
            else if let p = f.pipeline, let a = f.affiliate { byAffiliate["\(p)\u{0}\(a)", default: []].append(f) }
        }
        for r in report.records {
            let ids = ((byUser[r.user.lowercased()] ?? []).filter { $0.pipeline == nil || $0.pipeline == r.pipeline }
                + (byAffiliate["\(r.pipeline)\u{0}\(r.affiliate)"] ?? [])).map(\.id)
            var seen = Set<String>()
            let cells = [r.user, r.pipeline, r.affiliate, r.group, String(r.declared), String(r.groupCount),
                         r.userExists.map(String.init) ?? "", r.member.map(String.init) ?? "",
                         r.position.file, String(r.position.line), String(r.position.column),
                         ids.filter { seen.insert($0).inserted }.joined(separator: " ")]
            out += cells.map(quote).joined(separator: ",") + "\r\n"
        }
        return out
    }

    static func quote(_ s: String) -> String {
        // A leading = + - @ would run as a formula in a spreadsheet; prefix it with '.
        let safe = s.first.map { "=+-@".contains($0) } == true ? "'" + s : s
        guard safe.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return safe }
        return "\"" + safe.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
