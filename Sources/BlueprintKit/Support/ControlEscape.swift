/// Control characters from a quoted value must not reach a terminal, a log line or an annotation
/// raw (a CR rewrites the line, ESC starts a terminal sequence): they are written as escapes.
enum ControlEscape {
    /// `keepNewlines` for hints, whose own multi-line examples use "\n"; every other control
    /// character (CR included, so a quoted "\r\n" still shows) is escaped.
    static func escape(_ s: String, keepNewlines: Bool = false) -> String {
        guard s.unicodeScalars.contains(where: { needsEscape($0, keepNewlines) }) else { return s }
        var out = ""
        for u in s.unicodeScalars {
            guard needsEscape(u, keepNewlines) else { out.unicodeScalars.append(u); continue }
            switch u {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                let hex = String(u.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            }
        }
        return out
    }

    private static func needsEscape(_ u: Unicode.Scalar, _ keepNewlines: Bool) -> Bool {
        if u == "\n" { return !keepNewlines }
        return u.properties.generalCategory == .control || u == "\u{2028}" || u == "\u{2029}"
    }
}
