#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import PlatformSupport
/// GitHub Actions workflow commands: one `::error file=…,line=…::message` line per finding,
/// which become PR annotations with no extra service (works in private repos, unlike SARIF).
public enum GitHubRenderer {
    public static func render(_ report: ValidationReport) -> String { renderBytes(report).string }

    /// The commands as UTF-8 (one buffer, one write); the tests compare it with the former
    /// String-building renderer.
    public static func renderBytes(_ report: ValidationReport) -> OutputBuffer {
        var out = OutputBuffer(capacity: 4096 + report.files.reduce(0) { $0 + $1.diagnostics.count } * 300)
        for file in report.files {
            for d in file.diagnostics {
                let command: String
                switch d.severity {
                case .error: command = "error"
                case .warning: command = "warning"
                case .info: command = "notice"
                }
                out.write("::")
                out.write(command)
                out.write(" file=")
                property(d.file, &out)
                out.write(",line=")
                out.write(d.start.line)
                out.write(",col=")
                out.write(d.start.column)
                if d.end.line >= d.start.line, d.end.offset > d.start.offset {
                    out.write(",endLine=")
                    out.write(d.end.line)
                    out.write(",endColumn=")
                    out.write(d.end.column)
                }
                out.write(",title=")
                property(title(d.ruleID, RuleCatalog.description(id: d.ruleID)?.name ?? ""), &out)
                out.write("::")
                data(d.hint.map { d.message + "\nhint: " + $0 } ?? d.message, &out)
                out.byte(0x0A)
            }
        }
        for file in report.files where file.omittedCount > 0 {
            out.write("::warning file=")
            property(file.path, &out)
            out.write("::")
            data(TextRenderer.omittedLine(file), &out)
            out.byte(0x0A)
        }
        out.write("::notice::bpctl: ")
        data(TextRenderer(color: false).summary(report), &out)
        out.byte(0x0A)
        return out
    }

    /// "BP130 ami-id". Joined directly when neither end can be white space (ASCII, above space),
    /// else trimmed with Foundation as before.
    static func title(_ id: String, _ name: String) -> String {
        func solid(_ b: UInt8?) -> Bool { b.map { $0 > 0x20 && $0 < 0x80 } ?? false }
        guard solid(id.utf8.first), name.isEmpty ? solid(id.utf8.last) : solid(name.utf8.last) else {
            return "\(id) \(name)".trimmingWhitespace()
        }
        return name.isEmpty ? id : id + " " + name
    }

    /// Escaping from the Actions toolkit (command.ts).
    static func data(_ s: String) -> String {
        s.replacingAll("%", with: "%25").replacingAll("\r", with: "%0D").replacingAll("\n", with: "%0A")
    }

    static func property(_ s: String) -> String {
        data(s).replacingAll(":", with: "%3A").replacingAll(",", with: "%2C")
    }

    /// `data` into the buffer. ASCII without CR byte by byte (each of %, LF, `:` and `,` is then a
    /// whole Character and a whole UTF-16 unit, so no matching rule can differ); anything else
    /// through the Foundation replacements above, unchanged.
    static func data(_ s: String, _ out: inout OutputBuffer) { escape(s, property: false, &out) }

    static func property(_ s: String, _ out: inout OutputBuffer) { escape(s, property: true, &out) }

    private static func escape(_ s: String, property isProperty: Bool, _ out: inout OutputBuffer) {
        var s = s
        let simple = s.withUTF8 { u in !u.contains { $0 >= 0x80 || $0 == 0x0D } }
        guard simple else { return out.write(isProperty ? property(s) : data(s)) }
        s.withUTF8 { u in
            for b in u {
                switch b {
                case UInt8(ascii: "%"): out.write("%25")
                case 0x0A: out.write("%0A")
                case UInt8(ascii: ":") where isProperty: out.write("%3A")
                case UInt8(ascii: ",") where isProperty: out.write("%2C")
                default: out.byte(b)
                }
            }
        }
    }
}
