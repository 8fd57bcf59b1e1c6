/// Human output: `path:line:col: error[BP130]: message`, the source line with a caret under the
/// value, then `hint:`. Colour only when asked (the CLI asks on a TTY without NO_COLOR).
/// Written into one byte buffer (see OutputBuffer); the tests compare it with the former
/// String-building renderer byte for byte.
public struct TextRenderer: Sendable {
    public var color: Bool

    public init(color: Bool) { self.color = color }

    public func render(_ report: ValidationReport) -> String { renderBytes(report).string }

    /// The whole report as UTF-8, for one write.
    public func renderBytes(_ report: ValidationReport) -> OutputBuffer {
        var out = OutputBuffer(capacity: 4096 + report.files.reduce(0) { $0 + $1.diagnostics.count } * 600)
        var paths = EscapedPaths()
        for file in report.files {
            for d in file.diagnostics {
                write(d, source: file.source, into: &out, paths: &paths)
                out.byte(0x0A)
            }
            if file.omittedCount > 0 { out.write(Self.omittedLine(file)); out.byte(0x0A) }
        }
        out.write(summary(report))
        out.byte(0x0A)
        return out
    }

    public func render(_ d: Diagnostic, source: SourceFile?) -> String {
        var out = OutputBuffer()
        var paths = EscapedPaths()
        write(d, source: source, into: &out, paths: &paths)
        return out.string
    }

    /// File paths with control characters escaped, remembered for the next finding of the same
    /// file (a report lists a file's findings together).
    struct EscapedPaths {
        private var last: String?
        private var escaped = ""
        mutating func get(_ path: String) -> String {
            if let last, last.sameScalars(as: path) { return escaped }
            last = path
            escaped = ControlEscape.escape(path)
            return escaped
        }
    }

    private func write(_ d: Diagnostic, source: SourceFile?, into out: inout OutputBuffer, paths: inout EscapedPaths) {
        sgrOpen("1", &out)
        out.write(paths.get(d.file))
        out.byte(UInt8(ascii: ":"))
        out.write(d.start.line)
        out.byte(UInt8(ascii: ":"))
        out.write(d.start.column)
        out.byte(UInt8(ascii: ":"))
        sgrClose(&out)
        out.byte(0x20)
        paint(d.severity, d.severity.rawValue, &out)
        out.byte(UInt8(ascii: "["))
        out.write(d.ruleID)
        out.write("]: ")
        sgrOpen("1", &out)
        out.write(d.message)
        sgrClose(&out)
        if let source, d.start.line <= source.lineCount, !source.bytes.isEmpty {
            snippet(d, source, &out)
        }
        for r in d.related {
            out.byte(0x0A)
            sgr("2", "  note:", &out)
            out.byte(0x20)
            out.write(r.message)
            out.write(" at ")
            out.write(r.file)
            out.byte(UInt8(ascii: ":"))
            out.write(r.location.line)
            out.byte(UInt8(ascii: ":"))
            out.write(r.location.column)
        }
        if let hint = d.hint {
            out.byte(0x0A)
            sgr("36", "  hint:", &out)
            out.byte(0x20)
            out.write(hint)
        }
    }

    /// The source line (a window of it: a minified or hostile file can have one 8 MB line) with a
    /// caret under the finding.
    private func snippet(_ d: Diagnostic, _ source: SourceFile, _ out: inout OutputBuffer) {
        let window = source.excerptWindow(line: d.start.line, around: d.start.offset)
        let column = window.column
        let length: Int
        let gutter = Self.decimalWidth(d.start.line) // the width of the line number shown below
        out.byte(0x0A)
        sgrOpen("2", &out)
        out.repeated(0x20, gutter)
        out.literal(" |")
        sgrClose(&out)
        out.byte(0x0A)
        sgrOpen("2", &out)
        out.write(d.start.line)
        out.literal(" |")
        sgrClose(&out)
        out.byte(0x20)
        let plain = source.bytes.withUnsafeBufferPointer { b in
            // ASCII without tabs, 8 bytes at a time where the window allows.
            var i = window.lo
            while i + 8 <= window.hi {
                let w = UnsafeRawPointer(b.baseAddress! + i).loadUnaligned(as: UInt64.self)
                if w & 0x8080_8080_8080_8080 != 0 { return false }
                // A zero byte in w ^ 0x0909…: some byte is a tab.
                let t = w ^ 0x0909_0909_0909_0909
                if (t &- 0x0101_0101_0101_0101) & ~t & 0x8080_8080_8080_8080 != 0 { return false }
                i += 8
            }
            while i < window.hi {
                if b[i] >= 0x80 || b[i] == 0x09 { return false }
                i += 1
            }
            return true
        }
        if !plain {
            // Non-ASCII (possibly invalid UTF-8 in a file reported as such) or tabs: through
            // String as before, so repairs and the Character-wise tab replacement stay the same
            // (tabs shown as one space so the caret lines up; a tab followed by a combining mark
            // is one Character and stays a tab).
            let line = source.excerpt(line: d.start.line, around: d.start.offset).text
            let shown = line.utf8.contains(0x09) ? String(line.map { $0 == "\t" ? " " : $0 }) : line
            out.write(shown)
            length = shown.unicodeScalars.count
        } else {
            if window.cutBefore { out.literal("…") }
            source.bytes.withUnsafeBufferPointer { b in
                out.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: b[window.lo..<window.hi]))
            }
            if window.cutAfter { out.literal("…") }
            length = window.hi - window.lo + (window.cutBefore ? 1 : 0) + (window.cutAfter ? 1 : 0) // ASCII: a byte is a scalar
        }
        let width = d.end.line == d.start.line ? max(1, d.end.column - d.start.column) : max(1, length - column + 1)
        out.byte(0x0A)
        sgrOpen("2", &out)
        out.repeated(0x20, gutter)
        out.literal(" |")
        sgrClose(&out)
        out.byte(0x20)
        out.repeated(0x20, column - 1)
        sgrOpen(Self.code(d.severity), &out)
        out.byte(UInt8(ascii: "^"))
        out.repeated(UInt8(ascii: "~"), min(width, length - column + 1, 200) - 1)
        sgrClose(&out)
    }

    /// How many bytes `OutputBuffer.write(n)` writes for `n`.
    static func decimalWidth(_ n: Int) -> Int {
        var width = n < 0 ? 2 : 1
        var v = n.magnitude
        while v >= 10 { v /= 10; width += 1 }
        return width
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

    private static func code(_ s: Severity) -> String {
        switch s {
        case .error: return "1;31"
        case .warning: return "1;33"
        case .info: return "1;34"
        }
    }

    private func paint(_ s: Severity, _ text: String, _ out: inout OutputBuffer) { sgr(Self.code(s), text, &out) }

    private func sgr(_ code: String, _ text: String, _ out: inout OutputBuffer) {
        sgrOpen(code, &out)
        out.write(text)
        sgrClose(&out)
    }

    private func sgrOpen(_ code: String, _ out: inout OutputBuffer) {
        guard color else { return }
        out.write("\u{1B}[")
        out.write(code)
        out.byte(UInt8(ascii: "m"))
    }

    private func sgrClose(_ out: inout OutputBuffer) {
        if color { out.write("\u{1B}[0m") }
    }
}
