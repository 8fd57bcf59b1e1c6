#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// PyYAML's `FullConstructor` for the standard YAML 1.1 tags: builds each node once (aliases
/// share the object), merges `<<` keys, keeps the last of duplicate keys, and raises where
/// PyYAML raises (unhashable keys, invalid dates, unknown tags).
struct PyYAMLConstructor {
    private let t = YAML11Resolver.prefix

    func construct(_ node: YAMLNode) throws -> PyValue {
        if let done = node.constructed { return done }
        let value: PyValue
        switch node.content {
        case .scalar(let text, _):
            value = try scalar(text, tag: resolvedTag(node), node)
        case .sequence(let items):
            guard resolvedTag(node) == t + "seq" else { throw unknownTag(node) }
            let list = PyList()
            node.constructed = .list(list) // before the items: they may refer back
            for item in items { list.items.append(try construct(item)) }
            return .list(list)
        case .mapping:
            guard resolvedTag(node) == t + "map" else { throw unknownTag(node) }
            let dict = PyDict()
            node.constructed = .dict(dict)
            for (keyNode, valueNode) in try flattened(node) {
                let key = isValueKey(keyNode) ? .str("=") : try construct(keyNode)
                let value = try construct(valueNode)
                guard dict.set(key, value) else {
                    throw PyError("while constructing a mapping: found unhashable key (line \(keyNode.line), column \(keyNode.column))")
                }
            }
            return .dict(dict)
        }
        node.constructed = value
        return value
    }

    /// The explicit tag, else PyYAML's resolution: implicit types for plain scalars (and for
    /// the non-specific `!` tag, as PyYAML does), str for quoted ones.
    private func resolvedTag(_ node: YAMLNode) -> String {
        if let tag = node.tag, tag != "!" { return tag }
        switch node.content {
        case .scalar(let text, let plainImplicit): return plainImplicit ? YAML11Resolver.tag(ofPlain: text) : t + "str"
        case .sequence: return t + "seq"
        case .mapping: return t + "map"
        }
    }

    private func unknownTag(_ node: YAMLNode) -> PyError {
        PyError("could not determine a constructor for the tag '\(resolvedTag(node))' (line \(node.line), column \(node.column))")
    }

    /// SafeConstructor.flatten_mapping: `<<` pairs first (a later merged mapping does not override
    /// an earlier one), then the node's own pairs, which override them.
    private func flattened(_ node: YAMLNode) throws -> [(key: YAMLNode, value: YAMLNode)] {
        guard case .mapping(let pairs) = node.content else { return [] }
        var merge: [(key: YAMLNode, value: YAMLNode)] = []
        var own: [(key: YAMLNode, value: YAMLNode)] = []
        for pair in pairs {
            guard isMergeKey(pair.key) else { own.append(pair); continue }
            switch pair.value.content {
            case .mapping:
                merge += try flattened(pair.value)
            case .sequence(let items):
                var sub: [[(key: YAMLNode, value: YAMLNode)]] = []
                for item in items {
                    guard case .mapping = item.content else {
                        throw PyError("while constructing a mapping: expected a mapping for merging, but found a different node (line \(item.line), column \(item.column))")
                    }
                    sub.append(try flattened(item))
                }
                for m in sub.reversed() { merge += m }
            case .scalar:
                throw PyError("while constructing a mapping: expected a mapping or list of mappings for merging (line \(pair.value.line), column \(pair.value.column))")
            }
        }
        return merge + own
    }

    /// flatten_mapping retags a `=` key as a string; elsewhere `=` has no constructor.
    private func isValueKey(_ key: YAMLNode) -> Bool {
        guard case .scalar = key.content else { return false }
        return resolvedTag(key) == t + "value"
    }

    private func isMergeKey(_ key: YAMLNode) -> Bool {
        guard case .scalar = key.content else { return false }
        return resolvedTag(key) == t + "merge"
    }

    private func scalar(_ text: String, tag: String, _ node: YAMLNode) throws -> PyValue {
        let where_ = "(line \(node.line), column \(node.column))"
        switch tag {
        // `=` used as a key is a string (flatten_mapping retags it); as a value PyYAML has no constructor.
        case t + "str": return .str(text)
        case t + "null": return .none
        case t + "bool":
            switch text.lowercased() {
            case "yes", "true", "on": return .bool(true)
            case "no", "false", "off": return .bool(false)
            default: throw PyError("'\(text.lowercased())' is not a YAML boolean \(where_)")
            }
        case t + "int":
            guard let v = PyYAMLConstructor.int(text) else { throw PyError("invalid literal for int(): '\(text)' \(where_)") }
            return .int(v)
        case t + "float":
            guard let v = PyYAMLConstructor.float(text) else { throw PyError("could not convert string to float: '\(text)' \(where_)") }
            return .float(v)
        case t + "timestamp":
            return try PyYAMLConstructor.timestamp(text, where_)
        case t + "binary":
            let clean = text.filter { !$0.isWhitespace }
            guard let data = Data(base64Encoded: clean) else { throw PyError("failed to decode base64 data \(where_)") }
            return .bytes(Array(data))
        case t + "merge":
            throw PyError("could not determine a constructor for the tag '\(tag)' \(where_)")
        default:
            throw PyError("could not determine a constructor for the tag '\(tag)' \(where_)")
        }
    }

    /// Every "_" code point removed (NSString's replacingOccurrences bridged the whole string).
    static func withoutUnderscores(_ text: String) -> String {
        text.utf8.contains(UInt8(ascii: "_")) ? String(String.UnicodeScalarView(text.unicodeScalars.filter { $0 != "_" })) : text
    }

    /// construct_yaml_int: underscores dropped, 0b/0x/leading-0 octal, base-60 with colons.
    static func int(_ text: String) -> PyInt? {
        var s = Substring(withoutUnderscores(text))
        guard let first = s.first else { return nil }
        let negative = first == "-"
        if first == "-" || first == "+" { s = s.dropFirst() }
        guard !s.isEmpty else { return nil }
        let v: PyInt?
        if s == "0" {
            v = PyInt()
        } else if s.hasPrefix("0b") {
            v = PyInt(digits: s.dropFirst(2), radix: 2)
        } else if s.hasPrefix("0x") {
            v = PyInt(digits: s.dropFirst(2), radix: 16)
        } else if s.hasPrefix("0") {
            v = PyInt(digits: s, radix: 8)
        } else if s.contains(":") {
            // Horner's rule gives the same value as PyYAML's sum of digit*60^k.
            let parts = s.split(separator: ":", omittingEmptySubsequences: false)
            guard var acc = PyInt(digits: parts[0], radix: 10) else { return nil }
            for part in parts.dropFirst() {
                guard let d = UInt32(part) else { return nil }
                acc.mulAdd(60, d)
            }
            v = acc
        } else {
            v = PyInt(digits: s, radix: 10)
        }
        return v?.negated(negative)
    }

    /// construct_yaml_float: underscores dropped, lower-cased, .inf/.nan, base-60 with colons.
    static func float(_ text: String) -> Double? {
        var s = Substring(withoutUnderscores(text).lowercased())
        guard let first = s.first else { return nil }
        let sign: Double = first == "-" ? -1 : 1
        if first == "-" || first == "+" { s = s.dropFirst() }
        if s == ".inf" { return sign * .infinity }
        if s == ".nan" { return .nan }
        if s.contains(":") {
            var value = 0.0, base = 1.0
            for part in s.split(separator: ":", omittingEmptySubsequences: false).reversed() {
                guard let d = decimal(part) else { return nil }
                value += d * base
                base *= 60
            }
            return sign * value
        }
        return decimal(s).map { sign * $0 }
    }

    /// Python's float() of a digits-and-point literal ("1.", ".5", "1.e+3" included).
    private static func decimal(_ s: Substring) -> Double? {
        guard s.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "e" || $0 == "+" || $0 == "-") }) else { return nil }
        var t = String(s)
        if let dot = t.firstIndex(of: ".") {
            let after = t.index(after: dot)
            if after == t.endIndex || t[after] == "e" { t.insert("0", at: after) }
            if dot == t.startIndex { t.insert("0", at: t.startIndex) }
        }
        return Double(t)
    }

    /// construct_yaml_timestamp: a date, or a datetime (naive, UTC for Z, else a fixed offset).
    static func timestamp(_ text: String, _ where_: String) throws -> PyValue {
        guard let t = YAML11Resolver.parseTimestamp(Array(text.utf8), strictDate: false) else {
            throw PyError("'\(text)' is not a timestamp \(where_)")
        }
        guard let date = PyDate(year: t.year, month: t.month, day: t.day) else {
            throw PyError("'\(text)' is not a valid date (year 1–9999, month 1–12, day within the month) \(where_)")
        }
        guard let time = t.time else { return .date(date) }
        guard time.hour < 24, time.minute < 60, time.second < 60 else { throw PyError("'\(text)' is not a valid time of day \(where_)") }
        var fraction = String(time.fraction.prefix(6))
        fraction += String(repeating: "0", count: 6 - fraction.count)
        var offset: Int?
        if let zone = t.zone {
            let minutes = zone.hours * 60 + zone.minutes
            guard minutes < 24 * 60 else { throw PyError("'\(text)': a UTC offset must be less than 24 hours \(where_)") }
            offset = zone.negative ? -minutes : minutes
        }
        return .datetime(PyDateTime(date: date, hour: time.hour, minute: time.minute, second: time.second,
                                    microsecond: Int(fraction) ?? 0, offsetMinutes: offset))
    }
}
