import BlueprintKit

/// IAM policy documents compared by meaning, statement by statement: scalar-or-list fields are
/// lists, lists are sorted, keys are sorted. So a reordered Action list is no change, and a
/// broken Resource (blueprint-reference §4.6) shows as exactly the statement that changed.
/// Works on a small JSON value with its own canonical writer: Foundation's JSONSerialization
/// (bridging through NSDictionary) was most of `bpctl diff`'s time.
public enum PolicyDocument {
    /// Canonical JSON text of a policy, or the text unchanged when it is not JSON.
    public static func canonical(_ text: String) -> String {
        guard let doc = parse(text) else { return text }
        return normalize(doc, key: nil).canonical
    }

    /// Canonical JSON text of a policy built in code.
    static func canonical(_ value: JSONValue) -> String { normalize(value, key: nil).canonical }

    /// Statements keyed by Sid ("#n" for the n-th statement without one), canonical JSON each.
    public static func statements(_ text: String) -> [(key: String, json: String, fields: [String: String])]? {
        guard let doc = parse(text).map({ normalize($0, key: nil) }), case .object(let top) = doc else { return nil }
        let raw = top.first { $0.0 == "Statement" }?.1
        let list: [JSONValue]
        switch raw {
        case .array(let a)?: list = a
        case let v?: list = [v]
        case nil: list = []
        }
        return list.enumerated().map { i, s in
            var fields: [String: String] = [:]
            var sid: String?
            if case .object(let members) = s {
                for (k, v) in members {
                    fields[k] = v.canonical
                    if k == "Sid", case .string(let x) = v { sid = x }
                }
            }
            return (sid ?? "#\(i + 1)", s.canonical, fields)
        }
    }

    /// Statement-level differences between two policy documents (nil when either is not JSON).
    public static func diff(_ before: String?, _ after: String?) -> [StatementChange]? {
        let a = before.map(statements) ?? [], b = after.map(statements) ?? []
        guard let a, let b else { return nil }
        var out: [StatementChange] = []
        for s in b {
            guard let old = a.first(where: { $0.key == s.key }) else {
                out.append(StatementChange(sid: s.key, action: .added, fields: [])); continue
            }
            if old.json == s.json { continue }
            let keys = Set(old.fields.keys).union(s.fields.keys).sorted()
            let fields = keys.compactMap { k -> StatementChange.Field? in
                old.fields[k] == s.fields[k] ? nil : StatementChange.Field(name: k, before: old.fields[k], after: s.fields[k])
            }
            out.append(StatementChange(sid: s.key, action: .changed, fields: fields))
        }
        for s in a where !b.contains(where: { $0.key == s.key }) {
            out.append(StatementChange(sid: s.key, action: .removed, fields: []))
        }
        return out
    }

    static func parse(_ text: String) -> JSONValue? {
        guard let node = try? JSONParser.parse(Array(text.utf8)) else { return nil }
        return JSONValue(node)
    }

    static let listFields: Set<String> = ["Action", "NotAction", "Resource", "NotResource"]

    static func normalize(_ value: JSONValue, key: String?) -> JSONValue {
        switch value {
        case .object(let members):
            return .object(members.map { ($0.0, normalize($0.1, key: $0.0)) }.sorted { $0.0 < $1.0 })
        case .array(let items):
            let normalized = items.map { normalize($0, key: nil) }
            if key == "Statement" { return .array(normalized) }
            return .array(normalized.map { ($0.canonical, $0) }.sorted { $0.0 < $1.0 }.map(\.1))
        case .string(let s) where key.map({ listFields.contains($0) || $0.contains(":") }) == true:
            // Action/Resource and condition values may be a string or a list: always a list.
            return .array([.string(s)])
        default:
            return value
        }
    }
}

/// A JSON value for policies: built in code or read with the project's parser, written in one
/// canonical form (keys in the order held, no spaces, "/" unescaped).
indirect enum JSONValue: Sendable, Equatable {
    case string(String)
    case number(String)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([(String, JSONValue)])

    init(_ node: Node) {
        switch node.kind {
        case .object(let members): self = .object(members.map { ($0.key, JSONValue($0.value)) })
        case .array(let items): self = .array(items.map(JSONValue.init))
        case .string(let s): self = .string(s)
        case .number(let n): self = .number(n.raw)
        case .bool(let b): self = .bool(b)
        case .null: self = .null
        }
    }

    var canonical: String {
        var out = ""
        write(&out)
        return out
    }

    func write(_ out: inout String) {
        switch self {
        case .string(let s): Self.escape(s, &out)
        case .number(let raw): out += raw
        case .bool(let b): out += b ? "true" : "false"
        case .null: out += "null"
        case .array(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                item.write(&out)
            }
            out += "]"
        case .object(let members):
            out += "{"
            for (i, (k, v)) in members.enumerated() {
                if i > 0 { out += "," }
                Self.escape(k, &out)
                out += ":"
                v.write(&out)
            }
            out += "}"
        }
    }

    static func escape(_ s: String, _ out: inout String) { out += JSONOut.quoted(s) }

    static func == (a: JSONValue, b: JSONValue) -> Bool { a.canonical == b.canonical }
}

/// One statement that differs between two policy documents.
public struct StatementChange: Sendable, Equatable, Codable {
    public enum Action: String, Sendable, Codable { case added, removed, changed }
    public struct Field: Sendable, Equatable, Codable {
        public let name: String
        public let before: String?
        public let after: String?
    }

    public let sid: String
    public let action: Action
    public let fields: [Field]
}
