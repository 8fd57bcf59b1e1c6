/// Machine output. format_version follows Terraform's rule: the minor part grows for additive
/// changes and the major part for breaking ones; consumers ignore unknown keys.
public enum JSONRenderer {
    public static let formatVersion = "1"

    public static func render(_ report: ValidationReport) -> String {
        JSONOut.object([
            ("format_version", .string(formatVersion)),
            ("files", .array(report.files.map { file in
                .object([("path", .string(file.path)), ("kind", .string(file.isConfig ? "config" : "input")),
                         ("diagnostics", .array(file.diagnostics.map(diagnostic))), ("omitted", .int(file.omittedCount))])
            })),
            ("summary", .object([
                ("files", .int(report.checkedFiles)), ("errors", .int(report.errors)),
                ("warnings", .int(report.warnings)), ("infos", .int(report.infos)), ("suppressed", .int(report.suppressed)),
            ])),
        ]).serialized() + "\n"
    }

    static func diagnostic(_ d: Diagnostic) -> JSONOut {
        .object([
            ("rule", .string(d.ruleID)),
            ("name", .optional(RuleCatalog.description(id: d.ruleID)?.name)),
            ("severity", .string(d.severity.rawValue)),
            ("message", .string(d.message)),
            ("hint", .optional(d.hint)),
            ("line", .int(d.start.line)),
            ("column", .int(d.start.column)),
            ("end_line", .int(d.end.line)),
            ("end_column", .int(d.end.column)),
            ("pointer", .optional(d.pointer)),
            ("related", .array(d.related.map {
                .object([("message", .string($0.message)), ("path", .string($0.file)),
                         ("line", .int($0.location.line)), ("column", .int($0.location.column))])
            })),
        ])
    }
}
