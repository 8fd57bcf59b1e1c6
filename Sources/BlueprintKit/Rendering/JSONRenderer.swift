/// Machine output. format_version follows Terraform's rule: the minor part grows for additive
/// changes and the major part for breaking ones; consumers ignore unknown keys.
public enum JSONRenderer {
    public static let formatVersion = "1"

    public static func render(_ report: ValidationReport) -> String { renderBytes(report).string }

    /// The report as UTF-8, streamed (see JSONStream); the tests compare it with the JSONOut
    /// tree this renderer used to build.
    public static func renderBytes(_ report: ValidationReport) -> OutputBuffer {
        var j = JSONStream(capacity: 4096 + report.files.reduce(0) { $0 + $1.diagnostics.count } * 600)
        j.beginObject()
        j.field("format_version", formatVersion)
        j.key("files")
        j.beginArray()
        for file in report.files {
            j.element()
            j.beginObject()
            j.field("path", file.path)
            j.field("kind", file.isConfig ? "config" : "input")
            j.key("diagnostics")
            j.beginArray()
            for d in file.diagnostics {
                j.element()
                diagnostic(d, &j)
            }
            j.endArray()
            j.field("omitted", file.omittedCount)
            j.endObject()
        }
        j.endArray()
        j.key("summary")
        j.beginObject()
        j.field("files", report.checkedFiles)
        j.field("errors", report.errors)
        j.field("warnings", report.warnings)
        j.field("infos", report.infos)
        j.field("suppressed", report.suppressed)
        j.endObject()
        j.endObject()
        j.out.byte(0x0A)
        return j.out
    }

    static func diagnostic(_ d: Diagnostic, _ j: inout JSONStream) {
        j.beginObject()
        j.field("rule", d.ruleID)
        j.field("name", optional: RuleCatalog.description(id: d.ruleID)?.name)
        j.field("severity", d.severity.rawValue)
        j.field("message", d.message)
        j.field("hint", optional: d.hint)
        j.field("line", d.start.line)
        j.field("column", d.start.column)
        j.field("end_line", d.end.line)
        j.field("end_column", d.end.column)
        j.field("pointer", optional: d.pointer)
        j.key("related")
        j.beginArray()
        for r in d.related {
            j.element()
            j.beginObject()
            j.field("message", r.message)
            j.field("path", r.file)
            j.field("line", r.location.line)
            j.field("column", r.location.column)
            j.endObject()
        }
        j.endArray()
        j.endObject()
    }
}
