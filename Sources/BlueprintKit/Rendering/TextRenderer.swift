/// Human output: `path:line:col: error[BP130]: message`, the source line with a caret under the
/// value, then `hint:`. Colour only when asked (the CLI asks on a TTY without NO_COLOR).
public struct TextRenderer: Sendable {
    public var color: Bool

    public init(color: Bool) { self.color = color }

    public func render(_ report: ValidationReport) -> String {
        var out = ""
        for file in report.files {
            for d in file.diagnostics { out += render(d, source: file.source) + "\n" }
            if file.omittedCount > 0 { out += Self.omittedLine(file) + "\n" }
        }
        out += summary(report) + "\n"
        return out
    }

    public func render(_ d: Diagnostic, source: SourceFile?) -> String {
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
    public static func omittedLine(_ file: FileResult) -> String {
        "\(ControlEscape.escape(file.path)): … and \(file.omittedCount) more finding\(file.omittedCount == 1 ? "" : "s") not shown (at most \(InputLimits.maxFindingsPerFile) per file)"
    }

    public func summary(_ report: ValidationReport) -> String {
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
