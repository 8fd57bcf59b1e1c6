/// JSON text for one scalar, escaped as RFC 8259 requires (quote, backslash, control
/// characters); other characters stay as UTF-8, as the blueprints are written.
enum JSONScalarWriter {
    static func encode(_ value: ScalarValue) -> [UInt8] {
        switch value {
        case .string(let s): return quoted(s)
        case .integer(let i): return Array(String(i).utf8)
        case .number(let raw): return Array(raw.utf8)
        case .bool(let b): return Array((b ? "true" : "false").utf8)
        case .null: return Array("null".utf8)
        }
    }

    static func quoted(_ s: String) -> [UInt8] {
        var out: [UInt8] = [0x22]
        out.reserveCapacity(s.utf8.count + 2)
        for b in s.utf8 {
            switch b {
            case 0x22: out += [0x5C, 0x22]
            case 0x5C: out += [0x5C, 0x5C]
            case 0x0A: out += [0x5C, UInt8(ascii: "n")]
            case 0x0D: out += [0x5C, UInt8(ascii: "r")]
            case 0x09: out += [0x5C, UInt8(ascii: "t")]
            case 0x08: out += [0x5C, UInt8(ascii: "b")]
            case 0x0C: out += [0x5C, UInt8(ascii: "f")]
            case 0..<0x20: out += Array(String(format4: b).utf8)
            default: out.append(b)
            }
        }
        out.append(0x22)
        return out
    }
}

extension String {
    /// "\u00XX" for a control byte.
    init(format4 b: UInt8) {
        let hex = String(b, radix: 16)
        self = "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    }
}
