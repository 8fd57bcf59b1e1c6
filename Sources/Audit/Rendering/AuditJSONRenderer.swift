import BlueprintKit
import Foundation

/// `--format json`: a versioned document (format_version) with header, summary, records and findings.
public enum AuditJSONRenderer {
    public static let formatVersion = 1

    public static func render(_ report: AuditReport, toolVersion: String) -> String {
        var header: [(String, JSONOut)] = [
            ("format_version", .int(formatVersion)), ("tool_version", .string(toolVersion)),
            ("generated_at", .string(iso(report.generated))), ("live", .bool(report.iam != nil)),
        ]
        if let iam = report.iam {
            header.append(("credentials", .object([("source", .string(iam.credentialSource)),
                                                   ("report_generated_at", .optional(iam.credentialReportGenerated.map(iso)))])))
        }
        return JSONOut.object(header + [
            ("summary", .object([
                ("files", .int(report.model.files.count)), ("users", .int(report.model.users.count)),
                ("pipelines", .int(report.model.pipelines.count)), ("affiliates", .int(report.model.affiliates.count)),
                ("errors", .int(report.count(.error))), ("warnings", .int(report.count(.warning))), ("infos", .int(report.count(.info))),
            ])),
            ("records", .array(report.records.map(record))),
            ("findings", .array(report.findings.map(finding))),
        ]).serialized() + "\n"
    }

    static func record(_ r: AuditReport.Record) -> JSONOut {
        .object([("user", .string(r.user)), ("pipeline", .string(r.pipeline)), ("affiliate", .string(r.affiliate)),
                 ("group", .string(r.group)), ("declared", .bool(r.declared)), ("group_count", .int(r.groupCount)),
                 ("user_exists", r.userExists.map(JSONOut.bool) ?? .null), ("member", r.member.map(JSONOut.bool) ?? .null),
                 ("location", position(r.position))])
    }

    static func finding(_ f: AuditFinding) -> JSONOut {
        .object([("id", .string(f.id)), ("severity", .string(f.severity.rawValue)), ("message", .string(f.message)),
                 ("hint", .optional(f.hint)), ("user", .optional(f.user)), ("pipeline", .optional(f.pipeline)),
                 ("affiliate", .optional(f.affiliate)), ("group", .optional(f.group)),
                 ("location", f.position.map(position) ?? .null), ("related", f.related.map(position) ?? .null)])
    }

    static func position(_ p: Position) -> JSONOut {
        .object([("file", .string(p.file)), ("line", .int(p.line)), ("column", .int(p.column)), ("pointer", .optional(p.pointer))])
    }

    static func iso(_ d: Date) -> String { ISO8601DateFormatter().string(from: d) }
}
