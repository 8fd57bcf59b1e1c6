import Foundation

/// IAM policy documents compared by meaning, statement by statement: scalar-or-list fields are
/// lists, lists are sorted, keys are sorted. So a reordered Action list is no change, and a
/// broken Resource (blueprint-reference §4.6) shows as exactly the statement that changed.
public enum PolicyDocument {
    /// Canonical JSON text of a policy, or the text unchanged when it is not JSON.
    public static func canonical(_ text: String) -> String {
        guard let doc = parse(text) else { return text }
        return serialize(doc)
    }

    /// Statements keyed by Sid ("#n" for the n-th statement without one), canonical JSON each.
    public static func statements(_ text: String) -> [(key: String, json: String, fields: [String: Any])]? {
        guard let doc = parse(text) as? [String: Any] else { return nil }
        let list: [Any] = (doc["Statement"] as? [Any]) ?? (doc["Statement"].map { [$0] } ?? [])
        return list.enumerated().map { i, s in
            let fields = s as? [String: Any] ?? [:]
            return ((fields["Sid"] as? String) ?? "#\(i + 1)", serialize(fields), fields)
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
                let x = old.fields[k].map(serialize), y = s.fields[k].map(serialize)
                return x == y ? nil : StatementChange.Field(name: k, before: x, after: y)
            }
            out.append(StatementChange(sid: s.key, action: .changed, fields: fields))
        }
        for s in a where !b.contains(where: { $0.key == s.key }) {
            out.append(StatementChange(sid: s.key, action: .removed, fields: []))
        }
        return out
    }

    static func parse(_ text: String) -> Any? {
        guard let o = try? JSONSerialization.jsonObject(with: Data(text.utf8)) else { return nil }
        return normalize(o, key: nil)
    }

    static let listFields: Set<String> = ["Action", "NotAction", "Resource", "NotResource"]

    static func normalize(_ value: Any, key: String?) -> Any {
        if let d = value as? [String: Any] {
            var out: [String: Any] = [:]
            for (k, v) in d { out[k] = normalize(v, key: k) }
            return out
        }
        if let a = value as? [Any] {
            let items = a.map { normalize($0, key: nil) }
            if key == "Statement" { return items }
            return items.sorted { serialize($0) < serialize($1) }
        }
        // Action/Resource and condition values may be a string or a list: always a list.
        if let s = value as? String, key.map({ listFields.contains($0) }) == true || key?.contains(":") == true { return [s] }
        return value
    }

    static func serialize(_ value: Any) -> String {
        if let s = value as? String {
            let d = (try? JSONSerialization.data(withJSONObject: [s], options: [.withoutEscapingSlashes])) ?? Data()
            return String(String(decoding: d, as: UTF8.self).dropFirst().dropLast())
        }
        guard JSONSerialization.isValidJSONObject(value),
              let d = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .withoutEscapingSlashes]) else { return "\(value)" }
        return String(decoding: d, as: UTF8.self)
    }
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
