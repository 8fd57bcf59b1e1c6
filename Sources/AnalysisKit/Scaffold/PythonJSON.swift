import BlueprintKit

/// A tree written as Python's `json.dumps(obj, indent=N)` writes it (key order kept,
/// non-ASCII as \uXXXX, numbers as written), for `get-blueprint`.
public enum PythonJSON {
    public static func dumps(_ node: Node, indent: Int = 2) -> String {
        var out = ""
        write(node, indent: indent, level: 0, into: &out)
        return out
    }

    private static func write(_ node: Node, indent: Int, level: Int, into out: inout String) {
        let pad = String(repeating: " ", count: indent * (level + 1)), close = String(repeating: " ", count: indent * level)
        switch node.kind {
        case .object(let members):
            if members.isEmpty { out += "{}"; return }
            out += "{\n"
            for (i, m) in members.enumerated() {
                out += pad + quote(m.key) + ": "
                write(m.value, indent: indent, level: level + 1, into: &out)
                out += i == members.count - 1 ? "\n" : ",\n"
            }
            out += close + "}"
        case .array(let elements):
            if elements.isEmpty { out += "[]"; return }
            out += "[\n"
            for (i, e) in elements.enumerated() {
                out += pad
                write(e, indent: indent, level: level + 1, into: &out)
                out += i == elements.count - 1 ? "\n" : ",\n"
            }
            out += close + "]"
        case .string(let s): out += quote(s)
        case .number(let n): out += n.raw
        case .bool(let b): out += b ? "true" : "false"
        case .null: out += "null"
        }
    }

    static func quote(_ s: String) -> String { JSONOut.pythonQuoted(s) }
}
