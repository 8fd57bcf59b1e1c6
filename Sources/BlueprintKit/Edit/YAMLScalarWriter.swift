import PlatformSupport

/// YAML text for one scalar, in the style of the value it replaces where the new value can be
/// written that way: plain stays plain unless the text would read as another type or break the
/// syntax, single quotes stay unless the text has line breaks or control characters, block
/// scalars stay literal blocks; otherwise double quotes with escapes, which can hold anything.
enum YAMLScalarWriter {
    static func encode(_ value: ScalarValue, replacing extent: YAMLScalarExtent, in source: SourceFile) -> [UInt8] {
        guard case .string(let s) = value else { return JSONScalarWriter.encode(value) }
        switch extent.style {
        case .plain where isPlainSafe(s): return Array(s.utf8)
        case .plain, .singleQuoted: return isSingleQuoteSafe(s) ? singleQuoted(s) : doubleQuoted(s)
        case .doubleQuoted: return doubleQuoted(s)
        case .literal, .folded:
            return literalBlock(s, indent: extent.blockIndent) ?? doubleQuoted(s)
        }
    }

    static func isPlainSafe(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, let last = s.unicodeScalars.last else { return false }
        if " \t".unicodeScalars.contains(last) || "-?:,[]{}#&*!|>'\"%@` \t".unicodeScalars.contains(first) { return false }
        if s.hasPrefix("---") || s.hasPrefix("...") || s.hasSuffix(":") { return false }
        if s.contains(": ") || s.contains(" #") || s.contains(":\t") || s.contains("\t#") { return false }
        if s.unicodeScalars.contains(where: { isSpecial($0) || ",[]{}".unicodeScalars.contains($0) }) { return false }
        // It must read back as a string, not a null, number or boolean. (Yams' `Node(s).null`
        // answered nil for a style-less node, so the check made on Yams let `null` and `~` be
        // written plain, to read back as null: fixed here.)
        return !YAML11Scalar.isNull(s) && YAML11Scalar.bool(s) == nil && YAML11Scalar.int(s) == nil && YAML11Scalar.float(s) == nil
    }

    static func isSingleQuoteSafe(_ s: String) -> Bool {
        !s.unicodeScalars.contains(where: isSpecial)
    }

    static func singleQuoted(_ s: String) -> [UInt8] {
        Array(("'" + s.replacingAll("'", with: "''") + "'").utf8)
    }

    static func doubleQuoted(_ s: String) -> [UInt8] {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "\0": out += "\\0"
            case "\u{85}": out += "\\N"
            case "\u{2028}": out += "\\L"
            case "\u{2029}": out += "\\P"
            case "\u{FEFF}": out += "\\uFEFF"
            default:
                if u.value < 0x20 || u.value == 0x7F || (0x80..<0xA0).contains(u.value) {
                    let hex = String(u.value, radix: 16, uppercase: true)
                    out += "\\x" + (hex.count < 2 ? "0" : "") + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return Array((out + "\"").utf8)
    }

    /// `|` (clip: one final newline) or `|-` (strip: none) with the lines indented; nil when a
    /// literal block cannot hold the text exactly (several final newlines, a first line that
    /// starts with a space, whitespace-only lines, control characters).
    static func literalBlock(_ s: String, indent: Int) -> [UInt8]? {
        guard !s.isEmpty, !s.hasSuffix("\n\n") else { return nil }
        if s.unicodeScalars.contains(where: { isSpecial($0) && $0 != "\n" && $0 != "\t" }) { return nil }
        let body = s.hasSuffix("\n") ? String(s.dropLast()) : s
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false)
        guard let firstText = lines.first(where: { !$0.isEmpty }), !firstText.hasPrefix(" "), !firstText.hasPrefix("\t") else { return nil }
        if lines.contains(where: { !$0.isEmpty && $0.allSatisfy { $0 == " " || $0 == "\t" } }) { return nil }
        if lines.last?.isEmpty ?? true { return nil }
        let pad = String(repeating: " ", count: indent)
        let header = s.hasSuffix("\n") ? "|" : "|-"
        return Array((header + "\n" + lines.map { $0.isEmpty ? "" : pad + $0 }.joined(separator: "\n")).utf8)
    }

    /// Characters YAML treats as line breaks or that a printable scalar cannot hold as is.
    private static func isSpecial(_ u: Unicode.Scalar) -> Bool {
        u.value < 0x20 || u.value == 0x7F || (0x80..<0xA0).contains(u.value) || u == "\u{2028}" || u == "\u{2029}" || u == "\u{FEFF}"
    }
}
