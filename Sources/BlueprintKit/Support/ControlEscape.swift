/// Control characters from a quoted value must not reach a terminal, a log line or an annotation
/// raw (a CR rewrites the line, ESC starts a terminal sequence): they are written as escapes.
enum ControlEscape {
    /// `keepNewlines` for hints, whose own multi-line examples use "\n"; every other control
    /// character (CR included, so a quoted "\r\n" still shows) is escaped.
    static func escape(_ s: String, keepNewlines: Bool = false) -> String {
        // A byte scan first: nearly every message is clean, and the scalar walk is only needed
        // when a byte could start a control character (C0, DEL, C1 and U+2028/2029 begin with
        // 0xC2 or 0xE2 in UTF-8).
        guard mayNeedEscape(s), s.unicodeScalars.contains(where: { needsEscape($0, keepNewlines) }) else { return s }
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

    /// The byte pre-check over the string's contiguous UTF-8 (the generic `utf8.contains(where:)`
    /// cost ~20 instructions a byte, 2.2 M for the findings of the 24 shared blueprints).
    /// C1 controls are C2 80...C2 9F and U+2028/2029 are E2 80 A8/A9 in UTF-8: the following
    /// bytes are checked too, so "…", "—" or "é" in a hint do not send it through the scalar walk.
    static func mayNeedEscape(_ s: String) -> Bool {
        func scan(_ u: UnsafeBufferPointer<UInt8>) -> Bool {
            var i = 0
            while i < u.count {
                // Eight printable ASCII bytes (0x20...0x7E) at a time: no byte below 0x20
                // (the "has less" bit trick) and none at 0x7F or above.
                if i + 8 <= u.count {
                    let x = UnsafeRawPointer(u.baseAddress! + i).loadUnaligned(as: UInt64.self)
                    let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
                    if (x &- ones &* 0x20) & ~x & highs == 0, (x | (x &+ ones)) & highs == 0 { i += 8; continue }
                }
                let b = u[i]
                if b < 0x20 || b == 0x7F { return true }
                if b == 0xC2, i + 1 < u.count, u[i + 1] <= 0x9F { return true }
                if b == 0xE2, i + 2 < u.count, u[i + 1] == 0x80, u[i + 2] == 0xA8 || u[i + 2] == 0xA9 { return true }
                i += 1
            }
            return false
        }
        return s.utf8.withContiguousStorageIfAvailable(scan) ?? Array(s.utf8).withUnsafeBufferPointer(scan)
    }

    private static func needsEscape(_ u: Unicode.Scalar, _ keepNewlines: Bool) -> Bool {
        if u == "\n" { return !keepNewlines }
        // General category Cc is exactly C0, DEL and C1 (a table lookup per scalar cost more
        // than rendering the message).
        return u.value < 0x20 || (0x7F...0x9F).contains(u.value) || u == "\u{2028}" || u == "\u{2029}"
    }
}
