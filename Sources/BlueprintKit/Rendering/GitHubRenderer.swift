/// GitHub Actions workflow commands: one `::error file=…,line=…::message` line per finding,
/// which become PR annotations with no extra service (works in private repos, unlike SARIF).
public enum GitHubRenderer {
    public static func render(_ report: ValidationReport) -> String {
        var out = ""
        for d in report.all {
            let command: String
            switch d.severity {
            case .error: command = "error"
            case .warning: command = "warning"
            case .info: command = "notice"
            }
            var props = "file=\(property(d.file)),line=\(d.start.line),col=\(d.start.column)"
            if d.end.line >= d.start.line, d.end.offset > d.start.offset {
                props += ",endLine=\(d.end.line),endColumn=\(d.end.column)"
            }
            let name = RuleCatalog.description(id: d.ruleID)?.name ?? ""
            props += ",title=\(property("\(d.ruleID) \(name)".trimmingCharacters(in: .whitespaces)))"
            let text = d.hint.map { "\(d.message)\nhint: \($0)" } ?? d.message
            out += "::\(command) \(props)::\(data(text))\n"
        }
        for file in report.files where file.omittedCount > 0 {
            out += "::warning file=\(property(file.path))::\(data(TextRenderer.omittedLine(file)))\n"
        }
        out += "::notice::bpctl: \(data(TextRenderer(color: false).summary(report)))\n"
        return out
    }

    /// Escaping from the Actions toolkit (command.ts).
    static func data(_ s: String) -> String {
        s.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
    }

    static func property(_ s: String) -> String {
        data(s).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}

import Foundation
