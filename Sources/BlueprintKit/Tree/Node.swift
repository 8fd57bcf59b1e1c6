/// A JSON-shaped value with the byte range it came from. JSON and YAML both load into this tree,
/// so rules, the schema validator and the renderers never care which syntax a blueprint used.
public struct Node: Sendable {
    public indirect enum Kind: Sendable {
        case object([Member])
        case array([Node])
        case string(String)
        case number(Number)
        case bool(Bool)
        case null
    }

    /// One key of an object, with the range of the key itself (for "duplicate key" and
    /// "unknown key" diagnostics, which point at the key rather than the value).
    public struct Member: Sendable {
        public let key: String
        public let keyRange: SourceRange
        public let value: Node
        public init(key: String, keyRange: SourceRange, value: Node) {
            self.key = key
            self.keyRange = keyRange
            self.value = value
        }
    }

    /// A number keeps its source text so large integers and exact decimals survive.
    public struct Number: Sendable, Equatable {
        public let raw: String
        public let value: Double
        /// Set when the value is a whole number that fits in Int (`180`, and also `180.0`).
        public let integer: Int?
        public init(raw: String, value: Double) {
            self.raw = raw
            self.value = value
            if value.rounded() == value, abs(value) < 9.0e18 {
                integer = Int(value)
            } else {
                integer = nil
            }
        }
    }

    public let kind: Kind
    public let range: SourceRange

    public init(_ kind: Kind, _ range: SourceRange) {
        self.kind = kind
        self.range = range
    }

    // MARK: typed views (nil when the node has another type)

    public var members: [Member]? { if case .object(let m) = kind { return m } else { return nil } }
    public var elements: [Node]? { if case .array(let e) = kind { return e } else { return nil } }
    public var string: String? { if case .string(let s) = kind { return s } else { return nil } }
    public var number: Number? { if case .number(let n) = kind { return n } else { return nil } }
    public var bool: Bool? { if case .bool(let b) = kind { return b } else { return nil } }
    public var isNull: Bool { if case .null = kind { return true } else { return false } }
    public var isObject: Bool { members != nil }

    /// The member with this key (objects only; duplicate keys are rejected at parse time).
    public func member(_ key: String) -> Member? {
        // By index, without a closure or a copy of each member (rules and the schema call this
        // ~11 k times for the shared blueprints).
        guard case .object(let members) = kind else { return nil }
        for k in members.indices where members[k].key.sameScalars(as: key) { return members[k] }
        return nil
    }

    public subscript(key: String) -> Node? { member(key)?.value }

    /// The JSON type name used in messages and by JSON Schema's `type`.
    public var typeName: String {
        switch kind {
        case .object: return "object"
        case .array: return "array"
        case .string: return "string"
        case .number(let n): return n.integer != nil ? "integer" : "number"
        case .bool: return "boolean"
        case .null: return "null"
        }
    }

    /// A short rendering for messages: strings quoted and cut, containers summarised.
    public var shortDescription: String {
        switch kind {
        case .object(let m): return "an object with \(m.count) key\(m.count == 1 ? "" : "s")"
        case .array(let e): return "an array of \(e.count)"
        case .string(let s):
            // Bytes first: at most 60 bytes are at most 60 Characters (counting Characters walks
            // the grapheme breaks of the whole string).
            let cut = s.utf8.count <= 60 || s.count <= 60 ? s : String(s.prefix(57)) + "..."
            return "the string \"" + cut + "\""
        case .number(let n): return "the number \(n.raw)"
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        }
    }
}

extension Node: Equatable {
    /// Structural equality of values (JSON Schema's definition: numbers compare by value,
    /// object key order does not matter). Source ranges are ignored.
    public static func == (a: Node, b: Node) -> Bool {
        switch (a.kind, b.kind) {
        case (.null, .null): return true
        case (.bool(let x), .bool(let y)): return x == y
        // Code point equality, as JSON Schema requires (Swift's == is canonical equivalence).
        case (.string(let x), .string(let y)): return x.unicodeScalars.elementsEqual(y.unicodeScalars)
        case (.number(let x), .number(let y)): return x.value == y.value
        case (.array(let x), .array(let y)): return x == y
        case (.object(let x), .object(let y)):
            guard x.count == y.count else { return false }
            // Keys by code point; a dictionary keeps large objects linear.
            guard x.count > 8 else {
                return x.allSatisfy { m in y.first(where: { $0.key.sameScalars(as: m.key) }).map { $0.value == m.value } ?? false }
            }
            var byKey: [ScalarKey: Node] = [:]
            for m in y { byKey[ScalarKey(m.key)] = m.value }
            return x.allSatisfy { m in byKey[ScalarKey(m.key)].map { $0 == m.value } ?? false }
        default: return false
        }
    }
}
