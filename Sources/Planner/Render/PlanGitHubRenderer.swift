import BlueprintKit

/// `bpctl diff --format github`: one workflow-command annotation per changed value, on the line
/// of the new blueprint that holds it (warning when dangerous), then a summary notice.
public enum PlanGitHubRenderer {
    /// `document`: the new side, to turn JSON Pointers into lines; `file`: its path in the repo.
    public static func render(_ plan: Plan, document: Document?, file: String) -> String {
        var out = ""
        for c in plan.actionable {
            let level = c.dangers.isEmpty ? "notice" : "warning"
            var lines: [Int: [String]] = [:]
            for a in c.attributes {
                let line = a.pointer.flatMap { p in document.flatMap { JSONPointer.resolve(p, in: $0.root) } }
                    .map { document!.source.location(of: $0.range.start).line } ?? 1
                lines[line, default: []].append(describe(a))
            }
            if lines.isEmpty { lines[1] = [] }
            for (line, items) in lines.sorted(by: { $0.key < $1.key }) {
                var text = "\(c.action.symbol) \(c.address) \(c.action.phrase)"
                if !items.isEmpty { text += "\n" + items.joined(separator: "\n") }
                for d in c.dangers { text += "\n! " + d }
                out += "::\(level) file=\(property(file)),line=\(line),title=\(property("bpctl \(c.action.rawValue) \(c.address)"))::\(data(text))\n"
            }
        }
        let s = plan.summary
        out += "::notice::\(data("bpctl diff: \(s.create) to create, \(s.update) to update, \(s.replace) to replace, \(s.delete) to destroy"))\n"
        return out
    }

    static func describe(_ a: AttributeChange) -> String {
        let r = PlanTextRenderer(color: false)
        if a.before == .null { return "+ \(a.name) = \(r.short(a.after))" }
        if a.after == .null { return "- \(a.name) = \(r.short(a.before))" }
        var s = "~ \(a.name): \(r.short(a.before)) -> \(r.short(a.after))"
        s += r.statementLines(a, indent: "\n    ").replacingOccurrences(of: "\n\n", with: "\n")
        return s
    }

    static func data(_ s: String) -> String {
        s.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
    }

    static func property(_ s: String) -> String {
        data(s).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
