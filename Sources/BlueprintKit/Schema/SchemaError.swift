/// One way an instance fails a schema: where in the instance (pointer and node, for line and
/// column), which schema keyword (its absolute location), and a sentence for people.
public struct SchemaError: Sendable {
    public let instancePointer: String
    public let instanceRange: SourceRange
    public let keyword: String
    public let keywordLocation: String
    public let message: String
    /// The `description` of the schema the value was checked against (shown as a hint).
    public internal(set) var description: String?

    init(instancePointer: String, instanceRange: SourceRange, keyword: String, keywordLocation: String, message: String) {
        self.instancePointer = instancePointer
        self.instanceRange = instanceRange
        self.keyword = keyword
        self.keywordLocation = keywordLocation
        self.message = message
    }

    /// Depth of the instance location: errors deeper in the instance are usually more specific.
    var depth: Int { instancePointer.utf8.reduce(0) { $0 + ($1 == 0x2F ? 1 : 0) } }
}

enum Describe {
    /// "the string \"900\"", "an integer (900)", "an object" — for "expected X, got Y".
    static func value(_ n: Node) -> String {
        switch n.kind {
        case .string: return n.shortDescription
        case .number(let num): return num.integer != nil ? "the integer \(num.raw)" : "the number \(num.raw)"
        case .bool(let b): return "the boolean \(b)"
        case .null: return "null"
        case .array(let a): return "an array of \(a.count)"
        case .object: return "an object"
        }
    }

    static func types(_ types: [JSONType]) -> String {
        let words = types.map { t -> String in
            switch t {
            case .integer, .array, .object: return "an \(t.rawValue)"
            case .null: return "null"
            default: return "a \(t.rawValue)"
            }
        }
        if words.count <= 1 { return words.first ?? "nothing" }
        return words.dropLast().joined(separator: ", ") + " or " + words.last!
    }

    /// A pattern or name cut for a message (a hostile one can be megabytes).
    static func cut(_ s: String, _ limit: Int = 60) -> String {
        s.unicodeScalars.count > limit ? String(String.UnicodeScalarView(s.unicodeScalars.prefix(limit - 3))) + "..." : s
    }

    static func json(_ n: Node) -> String {
        switch n.kind {
        case .string(let s): return "\"\(s.count > 40 ? String(s.prefix(37)) + "..." : s)\""
        case .number(let num): return num.raw
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        case .array: return "[...]"
        case .object: return "{...}"
        }
    }
}
