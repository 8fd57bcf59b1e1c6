import Foundation
@testable import BlueprintKit

// The four report renderers as they were before they wrote one byte buffer (commit 4d86b6d),
// kept verbatim (renamed) as the reference the byte-buffer renderers are compared with in
// RendererEquivalenceTests.

/// Human output: `path:line:col: error[BP130]: message`, the source line with a caret under the
/// value, then `hint:`. Colour only when asked (the CLI asks on a TTY without NO_COLOR).
struct LegacyTextRenderer: Sendable {
    var color: Bool

    init(color: Bool) { self.color = color }

    func render(_ report: ValidationReport) -> String {
        var out = ""
        for file in report.files {
            for d in file.diagnostics { out += render(d, source: file.source) + "\n" }
            if file.omittedCount > 0 { out += Self.omittedLine(file) + "\n" }
        }
        out += summary(report) + "\n"
        return out
    }

    func render(_ d: Diagnostic, source: SourceFile?) -> String {
        var out = "\(bold("\(ControlEscape.escape(d.file)):\(d.start.line):\(d.start.column):")) \(label(d.severity))[\(d.ruleID)]: \(bold(d.message))"
        if let source, d.start.line <= source.lineCount, !source.bytes.isEmpty {
            // A window of the line: a minified or hostile file can have one 8 MB line.
            let (line, column) = source.excerpt(line: d.start.line, around: d.start.offset)
            let gutter = String(d.start.line)
            let pad = Self.repeated(" ", gutter.count)
            // Tabs shown as one space so the caret lines up (not Foundation's replacingOccurrences).
            let shown = line.utf8.contains(0x09) ? String(line.map { $0 == "\t" ? " " : $0 }) : line
            let length = shown.unicodeScalars.count
            let width = d.end.line == d.start.line ? max(1, d.end.column - d.start.column) : max(1, length - column + 1)
            out += "\n\(dim(pad + " |"))"
            out += "\n\(dim(gutter + " |")) \(shown)"
            out += "\n\(dim(pad + " |")) \(Self.repeated(" ", column - 1))\(paint(d.severity, "^" + Self.repeated("~", min(width, length - column + 1, 200) - 1)))"
        }
        for r in d.related {
            out += "\n\(dim("  note:")) \(r.message) at \(r.file):\(r.location.line):\(r.location.column)"
        }
        if let hint = d.hint { out += "\n\(cyan("  hint:")) \(hint)" }
        return out
    }

    /// `n` copies of an ASCII character (none for n <= 0), written directly: the standard
    /// library's `String(repeating:count:)` cost a third of rendering a finding.
    static func repeated(_ c: Unicode.Scalar, _ n: Int) -> String {
        guard n > 0 else { return "" }
        return String(unsafeUninitializedCapacity: n) { buffer in
            buffer.initialize(repeating: UInt8(c.value))
            return n
        }
    }

    /// The line that stands for the findings past the per-file cap.
    static func omittedLine(_ file: FileResult) -> String {
        "\(ControlEscape.escape(file.path)): … and \(file.omittedCount) more finding\(file.omittedCount == 1 ? "" : "s") not shown (at most \(InputLimits.maxFindingsPerFile) per file)"
    }

    func summary(_ report: ValidationReport) -> String {
        func n(_ c: Int, _ word: String) -> String { "\(c) \(word)\(c == 1 ? "" : "s")" }
        var s = "\(n(report.errors, "error")), \(n(report.warnings, "warning")), \(report.infos) info in \(n(report.checkedFiles, "file"))"
        if report.suppressed > 0 { s += " (\(report.suppressed) suppressed)" }
        return s
    }

    private func label(_ s: Severity) -> String { paint(s, s.rawValue) }

    private func paint(_ s: Severity, _ text: String) -> String {
        switch s {
        case .error: return sgr("1;31", text)
        case .warning: return sgr("1;33", text)
        case .info: return sgr("1;34", text)
        }
    }

    private func bold(_ t: String) -> String { sgr("1", t) }
    private func dim(_ t: String) -> String { sgr("2", t) }
    private func cyan(_ t: String) -> String { sgr("36", t) }
    private func sgr(_ code: String, _ t: String) -> String { color ? "\u{1B}[\(code)m\(t)\u{1B}[0m" : t }
}

/// Machine output. format_version follows Terraform's rule: the minor part grows for additive
/// changes and the major part for breaking ones; consumers ignore unknown keys.
enum LegacyJSONRenderer {
    static let formatVersion = "1"

    static func render(_ report: ValidationReport) -> String {
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

/// SARIF 2.1.0 for code-scanning upload. Rule ids are the stable BP ids; a fingerprint from
/// rule + file + JSON pointer (not the line) keeps alerts stable when lines move.
enum LegacySARIFRenderer {
    static func render(_ report: ValidationReport, toolVersion: String) -> String {
        let rules = RuleCatalog.descriptions
        let index = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($0.element.id, $0.offset) })
        let suppressed = report.files.flatMap(\.suppressedDiagnostics)
        let results: [JSONOut] = report.all.map { result($0, index) } + suppressed.map { s in
            // Listed with `suppressions` (not dropped) so code scanning shows them as dismissed.
            var r = result(s.diagnostic, index)
            let suppression: [(String, JSONOut)]
            switch s.origin {
            case .inSource(let reason): suppression = [("kind", .string("inSource")), ("justification", .optional(reason))]
            case .external(let reason, let by):
                suppression = [("kind", .string("external")), ("justification", .optional(reason)),
                               ("properties", .object([("suppressedBy", .string(by))]))]
            }
            if case .object(var members) = r {
                members.append(("suppressions", .array([.object(suppression)])))
                r = .object(members)
            }
            return r
        }
        return JSONOut.object([
            ("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
            ("version", .string("2.1.0")),
            ("runs", .array([.object([
                ("tool", .object([("driver", .object([
                    ("name", .string("bpctl")),
                    ("version", .string(toolVersion)),
                    ("informationUri", .string("https://github.com/cunningham-lab/neurocaas")),
                    ("rules", .array(rules.map(rule))),
                ]))])),
                // SourceFile columns count Unicode scalars, not UTF-16 units (SARIF's default).
                ("columnKind", .string("unicodeCodePoints")),
                ("results", .array(results)),
            ])])),
        ]).serialized() + "\n"
    }

    private static func result(_ d: Diagnostic, _ index: [String: Int]) -> JSONOut {
            var members: [(String, JSONOut)] = [
                ("ruleId", .string(d.ruleID)),
                ("level", .string(level(d.severity))),
                ("message", .object([("text", .string(d.hint.map { "\(d.message)\nhint: \($0)" } ?? d.message))])),
                ("locations", .array([location(d.file, d.start, d.end)])),
                ("partialFingerprints", .object([("bpctl/v1", .string(fingerprint(d)))])),
            ]
            if let i = index[d.ruleID] { members.insert(("ruleIndex", .int(i)), at: 1) }
            if !d.related.isEmpty {
                members.append(("relatedLocations", .array(d.related.enumerated().map { i, r in
                    .object([("id", .int(i)), ("message", .object([("text", .string(r.message))])),
                             ("physicalLocation", physical(r.file, r.location, nil))])
                })))
            }
            return .object(members)
    }

    static func level(_ s: Severity) -> String {
        switch s {
        case .error: return "error"
        case .warning: return "warning"
        case .info: return "note"
        }
    }

    private static func rule(_ r: RuleDescription) -> JSONOut {
        .object([
            ("id", .string(r.id)), ("name", .string(r.name)),
            ("shortDescription", .object([("text", .string(r.summary))])),
            ("fullDescription", .object([("text", .string(r.rationale))])),
            ("help", .object([("text", .string("\(r.summary) \(r.rationale)"))])),
            ("defaultConfiguration", .object([("level", .string(level(r.severity)))])),
        ])
    }

    private static func location(_ file: String, _ start: SourceLocation, _ end: SourceLocation?) -> JSONOut {
        .object([("physicalLocation", physical(file, start, end))])
    }

    private static func physical(_ file: String, _ start: SourceLocation, _ end: SourceLocation?) -> JSONOut {
        var region: [(String, JSONOut)] = [("startLine", .int(start.line)), ("startColumn", .int(start.column))]
        if let end, end.offset > start.offset { region += [("endLine", .int(end.line)), ("endColumn", .int(end.column))] }
        return .object([("artifactLocation", .object([("uri", .string(uri(file)))])), ("region", .object(region))])
    }

    /// Relative paths stay relative (code scanning resolves them against the checkout); absolute
    /// ones become file:// URIs. Everything but RFC 3986 unreserved characters and '/' is
    /// percent-encoded as UTF-8, so spaces, '%', CR and LF cannot break the URI.
    static func uri(_ path: String) -> String {
        var out = path.hasPrefix("/") ? "file://" : ""
        for b in path.utf8 {
            switch b {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(b))
            default:
                let hex = String(b, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" : "") + hex
            }
        }
        return out
    }

    /// FNV-1a of rule, file and pointer: stable across runs and line moves.
    static func fingerprint(_ d: Diagnostic) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in "\(d.ruleID)\u{0}\(d.file)\u{0}\(d.pointer ?? "")\u{0}\(d.message)".utf8 {
            h ^= UInt64(b)
            h = h &* 0x100_0000_01b3
        }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

/// GitHub Actions workflow commands: one `::error file=…,line=…::message` line per finding,
/// which become PR annotations with no extra service (works in private repos, unlike SARIF).
enum LegacyGitHubRenderer {
    static func render(_ report: ValidationReport) -> String {
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
            out += "::warning file=\(property(file.path))::\(data(LegacyTextRenderer.omittedLine(file)))\n"
        }
        out += "::notice::bpctl: \(data(LegacyTextRenderer(color: false).summary(report)))\n"
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

