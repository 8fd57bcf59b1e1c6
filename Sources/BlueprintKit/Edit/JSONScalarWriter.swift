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

    /// The same escaping as every JSON bpctl writes (JSONOut).
    static func quoted(_ s: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count + 2)
        JSONOut.escape(s, into: &out)
        return out
    }
}
