import Foundation

/// The plan for people, summary first (issue: "summary first, detail on demand"): counts, one
/// line per change with its symbol and a legend, then attribute diffs, dangers, the drift
/// section, cost, checks. Colour only when asked.
public struct PlanTextRenderer: Sendable {
    public var color: Bool

    public init(color: Bool) { self.color = color }

    public func render(_ plan: Plan) -> String {
        var out = header(plan) + "\n\n"
        let actionable = plan.actionable
        if actionable.isEmpty {
            out += bold(plan.kind == .plan ? "No changes." : "No differences.") + " "
            out += plan.kind == .plan ? "\(plan.pipeline) in \(plan.region) matches the blueprint.\n"
                : "The two blueprints deploy the same analysis.\n"
        } else {
            let s = plan.summary
            out += bold("\(plan.kind == .plan ? "Plan" : "Diff"): \(s.create) to create, \(s.update) to update, \(s.replace) to replace, \(s.delete) to destroy.") + "\n\n"
            for c in actionable {
                out += "  \(symbol(c.action)) \(c.address)" + (c.dangers.isEmpty ? "" : "  " + red("(dangerous)")) + "\n"
            }
            let used = Change.Action.allCases.filter { a in actionable.contains { $0.action == a } }
            out += "\n" + dim("Symbols: " + used.map { "\($0.symbol) \(legend($0))" }.joined(separator: "   ")) + "\n"
            for c in actionable where !c.intended.isEmpty || c.action == .delete || !c.dangers.isEmpty {
                out += "\n" + detail(c)
            }
        }
        let drifted = plan.changes.filter { !$0.drifted.isEmpty }
        if !drifted.isEmpty {
            out += "\n" + bold("Changed outside bpctl") + " (AWS no longer holds what the last committed blueprint says; applying sets it back):\n"
            for c in drifted {
                for a in c.drifted {
                    out += "  \(yellow("~")) \(c.address) \(a.name): the blueprint has \(short(a.after)), AWS has \(short(a.before))\n"
                    out += statementLines(a, indent: "      ")
                }
            }
        }
        if let cost = plan.cost { out += "\n" + costSection(cost) }
        if !plan.checks.isEmpty {
            out += "\n" + bold("Checks:") + "\n"
            for check in plan.checks { out += "  \(severity(check.severity)): \(check.message)\n" }
        }
        return out
    }

    func header(_ plan: Plan) -> String {
        let stage = plan.stage.map { ", \($0)" } ?? ""
        switch plan.kind {
        case .plan:
            var s = bold("bpctl plan: \(plan.pipeline)") + " in \(plan.region)\(stage), from \(plan.blueprint.path)"
            if let git = plan.git {
                s += "\n" + dim("git HEAD \(git.head.map { String($0.prefix(12)) } ?? "(no commit)")"
                                + (git.committed ? "; drift is judged against the committed blueprint" : "; the blueprint is not committed, so every difference counts as the blueprint's"))
            }
            return s
        case .diff:
            return bold("bpctl diff: \(plan.base?.path ?? "?") → \(plan.blueprint.path)") + " (\(plan.pipeline) in \(plan.region)\(stage))"
        }
    }

    func detail(_ c: Change) -> String {
        var out = bold("# \(c.address) \(c.action.phrase)") + (c.reason.map { dim(" (\($0))") } ?? "") + "\n"
        for d in c.dangers { out += "  " + red("! \(d)") + "\n" }
        let shown = c.action == .delete ? c.attributes : c.intended
        let width = shown.map(\.name.count).max() ?? 0
        for a in shown {
            let pad = String(repeating: " ", count: width - a.name.count)
            switch c.action {
            case .create: out += "  \(green("+")) \(a.name)\(pad) = \(short(a.after))\n"
            case .delete: out += "  \(red("-")) \(a.name)\(pad) = \(short(a.before))\n"
            default:
                if a.before == .null { out += "  \(green("+")) \(a.name)\(pad) = \(short(a.after))\n" } else if a.after == .null {
                    out += "  \(red("-")) \(a.name)\(pad) = \(short(a.before))\n"
                } else { out += "  \(yellow("~")) \(a.name): \(short(a.before)) -> \(short(a.after))\n" }
            }
            out += statementLines(a, indent: "      ")
        }
        return out
    }

    func statementLines(_ a: AttributeChange, indent: String) -> String {
        guard let statements = a.statements, a.before != .null, a.after != .null else { return "" }
        var out = ""
        for s in statements {
            switch s.action {
            case .added: out += indent + green("+ statement \"\(s.sid)\"") + "\n"
            case .removed: out += indent + red("- statement \"\(s.sid)\"") + "\n"
            case .changed:
                out += indent + yellow("~ statement \"\(s.sid)\"") + "\n"
                for f in s.fields { out += indent + "    \(f.name): \(f.before ?? "absent") -> \(f.after ?? "absent")\n" }
            }
        }
        return out
    }

    /// Policies are long JSON: shown by statement count; other values in full.
    func short(_ v: PlanValue) -> String {
        if case .string(let s) = v, s.hasPrefix("{"), let n = PolicyDocument.statements(s)?.count { return "(policy document, \(n) statement\(n == 1 ? "" : "s"))" }
        return v.display
    }

    func costSection(_ cost: CostEstimate) -> String {
        var out = bold("Cost per job") + " (on-demand Linux × \(cost.durationMinutes) min per dataset, the job manager's upper bound; pricing: \(cost.pricing)):\n"
        out += "  \(line(cost.current))\n"
        if let p = cost.previous {
            out += "  was \(line(p))\n"
            if let d = cost.deltaPerDataset { out += "  change per dataset: \(d >= 0 ? "+" : "-")\(usd(abs(d)))\n" }
        }
        if let m = cost.maxCostUSD {
            out += "  MAXCOST \(usd(m))" + (cost.datasetsWithinBudget.map { " covers \($0) one-dataset job\($0 == 1 ? "" : "s") at this price" } ?? "") + "\n"
        }
        if let note = cost.note { out += "  note: \(note)\n" }
        return out
    }

    func line(_ l: CostEstimate.Line) -> String {
        guard let h = l.usdPerHour, let d = l.usdPerDataset else { return "\(l.instanceType) in \(l.region): price unknown" }
        return "\(l.instanceType) in \(l.region): \(usd(h))/hour → \(usd(d)) per dataset\n" + dim("      price: \(l.source ?? "?"), as of \(l.asOf ?? "?")")
    }

    func usd(_ x: Double) -> String {
        let s = String(format: "%.4f", x)
        var t = s
        while t.hasSuffix("0"), t.split(separator: ".").last.map({ $0.count > 2 }) == true { t.removeLast() }
        return "$" + t
    }

    func legend(_ a: Change.Action) -> String {
        switch a {
        case .create: return "create"
        case .update: return "update in place"
        case .replace: return "replace (destroy, then create)"
        case .delete: return "destroy"
        case .noOp: return "no change"
        }
    }

    func symbol(_ a: Change.Action) -> String {
        switch a {
        case .create: return green("+")
        case .update: return yellow("~")
        case .replace: return red("-/+")
        case .delete: return red("-")
        case .noOp: return " "
        }
    }

    func severity(_ s: PlanCheck.Severity) -> String {
        switch s {
        case .error: return red("error")
        case .warning: return yellow("warning")
        case .info: return "info"
        }
    }

    func paint(_ code: String, _ s: String) -> String { color ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
    func bold(_ s: String) -> String { paint("1", s) }
    func dim(_ s: String) -> String { paint("2", s) }
    func red(_ s: String) -> String { paint("31", s) }
    func green(_ s: String) -> String { paint("32", s) }
    func yellow(_ s: String) -> String { paint("33", s) }
}
