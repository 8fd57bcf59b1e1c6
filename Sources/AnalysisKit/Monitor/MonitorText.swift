import Foundation

/// Plain-text views of monitoring data for the terminal (one function per subcommand).
public enum MonitorText {
    public static func users(groups: [String], records: [InstanceRecord], affiliates: [String: [String]]) -> String {
        guard !groups.isEmpty else { return "no groups: no logs/<group>/ records and no affiliates\n" }
        var out = ""
        for g in groups {
            let mine = records.filter { $0.group == g }
            let jobs = Set(mine.compactMap(\.jobPath)).count
            var line = "\(g): \(mine.count) instance\(mine.count == 1 ? "" : "s"), \(jobs) job\(jobs == 1 ? "" : "s")"
            if let users = affiliates[g] { line += "; users: \(users.joined(separator: ", "))" } else { line += "; not an affiliate of the blueprint" }
            out += line + "\n"
        }
        return out
    }

    public static func jobs(_ jobs: [JobSummary]) -> String {
        guard !jobs.isEmpty else { return "no jobs\n" }
        var rows = [["GROUP", "JOB", "DATASETS", "STATUS", "DURATION", "COST", "ENDED"]]
        for j in jobs {
            rows.append([j.group, j.name, j.datasets.map(\.dataset).joined(separator: ","), j.status,
                         j.duration.map(duration) ?? (j.instances.isEmpty ? "-" : "running"),
                         j.instances.isEmpty ? "-" : USD.format(j.cost), j.endMarker ?? "no"])
        }
        return table(rows)
    }

    public static func job(_ j: JobSummary, certificate: String?, tail: Int) -> String {
        var out = "\(j.path): \(j.status)"
        out += j.endMarker.map { ", ended (\($0))" } ?? ", not ended"
        if let d = j.duration { out += ", \(duration(d))" }
        if !j.instances.isEmpty { out += ", \(USD.format(j.cost)) on \(j.instances.count) instance\(j.instances.count == 1 ? "" : "s")" }
        out += "\n"
        for d in j.datasets {
            out += "  \(d.dataset): \(d.status)\(d.reason.map { $0.isEmpty ? "" : " (\($0))" } ?? "")\n"
            for line in d.log.suffix(tail) { out += "    | \(line)\n" }
        }
        if let certificate {
            out += "certificate.txt:\n" + certificate.components(separatedBy: "\n").suffix(tail).map { "  " + $0 }.joined(separator: "\n") + "\n"
        }
        return out
    }

    public static func spend(_ spends: [GroupSpend]) -> String {
        var rows = [["GROUP", "INSTANCES", "SPENT", "BUDGET", "REMAINING", "SOURCE"]]
        for s in spends {
            rows.append([s.group, String(s.instances), USD.format(s.spent), s.budget.map(USD.format) ?? "-",
                         s.remaining.map { ($0 <= 0 ? "EXHAUSTED " : "") + USD.format($0) } ?? "-", s.budgetSource])
        }
        return table(rows)
    }

    static func duration(_ t: TimeInterval) -> String {
        let m = Int(t / 60)
        return m >= 60 ? "\(m / 60)h\(String(format: "%02d", m % 60))m" : "\(m)m"
    }

    static func table(_ rows: [[String]]) -> String {
        let widths = (0..<rows[0].count).map { c in rows.map { $0[c].count }.max() ?? 0 }
        return rows.map { r in
            r.enumerated().map { $0.element.padding(toLength: widths[$0.offset], withPad: " ", startingAt: 0) }.joined(separator: "  ")
                .trimmingCharacters(in: .whitespaces)
        }.joined(separator: "\n") + "\n"
    }
}
