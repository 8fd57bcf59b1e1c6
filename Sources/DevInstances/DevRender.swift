import Foundation

/// Text for both CLIs: the pool table, the fleet table, the reap list.
public enum DevRender {
    /// Left-aligned columns, two spaces apart; the last column is not padded.
    public static func table(_ header: [String], _ rows: [[String]]) -> String {
        let all = [header] + rows
        let widths = header.indices.map { c in all.map { $0[c].count }.max() ?? 0 }
        return all.map { r in
            r.indices.map { c in c == r.count - 1 ? r[c] : r[c].padding(toLength: widths[c], withPad: " ", startingAt: 0) }
                .joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }.joined(separator: "\n") + "\n"
    }

    public static func pool(_ rows: [DevSession.Row]) -> String {
        table(["", "NAME", "ID", "STATE", "IP", "LIFETIME LEFT", "DESCRIPTION"],
              rows.map { [$0.selected ? "*" : " ", $0.name, $0.id, $0.state, $0.ip, $0.lifetimeLeft, $0.description] })
    }

    public static func fleet(_ entries: [DevFleet.Entry]) -> String {
        let rows = entries.map { e -> [String] in
            let (h, m) = (Int(e.upSeconds) / 3600, Int(e.upSeconds) % 3600 / 60)
            return [e.instance.id, e.instance.tags["Name"] ?? "-", e.analysis, e.owner, e.instance.state, e.instance.type,
                    e.instance.state == "running" ? "\(h)h\(m)m" : "-", e.timeoutMinutes.map { "\($0)m" } ?? "-",
                    e.cost.map { String(format: "$%.2f", $0) } ?? "?"]
        }
        let total = entries.compactMap(\.cost).reduce(0, +)
        return table(["ID", "NAME", "ANALYSIS", "OWNER", "STATE", "TYPE", "UP", "TIMEOUT", "COST"], rows)
            + String(format: "%d dev instance%@, $%.2f so far in the current runs (on-demand estimate)\n",
                     entries.count, entries.count == 1 ? "" : "s", total)
    }
}
