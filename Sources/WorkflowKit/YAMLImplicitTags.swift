import Yams

/// YAML 1.1 implicit typing of plain scalars, exactly as Yams' `Resolver.default` rules (bool,
/// int, float, merge, null, timestamp, value, first match wins), written out by hand: Yams
/// compiles those rules as ICU regular expressions, and the first ICU regex of a process costs
/// more (~1.5 ms) than the rest of `scripting read-yaml`. A test compares both on many strings.
/// One difference remains (docs/compat.md): the parser's duplicate-key check runs before this
/// typing, so `{1: a, "1": b}` is refused as a duplicate key.
enum YAMLImplicitTags {
    /// Parse like `Yams.load(yaml:)`, with the same tags and values.
    static func load(_ text: String) throws -> Any? {
        guard let root = try Yams.compose(yaml: text, .basic, .default) else { return nil }
        return retagged(root).any
    }

    /// The tree with every untagged plain scalar given its resolved tag. Keys were already
    /// resolved (to str, by the basic resolver) when the parser checked for duplicates, so a
    /// plain key tagged str counts as untagged; a key's tag only matters for `<<` and `=`.
    static func retagged(_ node: Node, isKey: Bool = false) -> Node {
        switch node {
        case .scalar(let s):
            let untagged = s.tag.rawValue == Tag.Name.implicit.rawValue
                || (isKey && s.style == .plain && s.tag.rawValue == Tag.Name.str.rawValue)
            guard untagged else { return node }
            return .scalar(.init(s.string, Tag(tag(of: s.string), .basic, .default), s.style, s.mark))
        case .mapping(let m):
            return .mapping(.init(m.map { (retagged($0.key, isKey: true), retagged($0.value)) },
                                  Tag(Tag.Name(rawValue: m.tag.rawValue), .basic, .default), m.style, m.mark))
        case .sequence(let q):
            return .sequence(.init(q.map { retagged($0) }, Tag(Tag.Name(rawValue: q.tag.rawValue), .basic, .default), q.style, q.mark))
        case .alias:
            return node
        }
    }

    static func tag(of string: String) -> Tag.Name {
        let b = Array(string.utf8)
        if isBool(string) { return .bool }
        if isInt(b) { return .int }
        if isFloat(b) { return .float }
        if string == "<<" { return .merge }
        if ["~", "null", "Null", "NULL", ""].contains(string) { return .null }
        if isTimestamp(b) { return .timestamp }
        if string == "=" { return .value }
        return .str
    }

    static func isBool(_ s: String) -> Bool {
        ["yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF"].contains(s)
    }

    /// A cursor over ASCII bytes with the few regex pieces the rules need.
    struct Scan {
        let b: [UInt8]
        var i = 0

        init(_ b: [UInt8]) { self.b = b }

        var atEnd: Bool { i == b.count }

        mutating func one(_ accept: (UInt8) -> Bool) -> Bool {
            guard i < b.count, accept(b[i]) else { return false }
            i += 1
            return true
        }

        mutating func one(_ c: Character) -> Bool { one { $0 == c.asciiValue } }

        @discardableResult
        mutating func many(_ accept: (UInt8) -> Bool) -> Int {
            let start = i
            while one(accept) {}
            return i - start
        }

        mutating func sign() { _ = one { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "+") } }

        /// `(?::[0-5]?[0-9])+`
        mutating func sexagesimal() -> Bool {
            var groups = 0
            while i < b.count, b[i] == UInt8(ascii: ":") {
                i += 1
                if i + 1 < b.count, (UInt8(ascii: "0")...UInt8(ascii: "5")).contains(b[i]), isDigit(b[i + 1]) {
                    i += 2
                } else if !one(isDigit) {
                    return false
                }
                groups += 1
            }
            return groups > 0
        }

        mutating func literal(_ s: String) -> Bool {
            let start = i
            for c in s.utf8 where !one({ $0 == c }) {
                i = start
                return false
            }
            return true
        }
    }

    static func isDigit(_ c: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(c) }
    static func isDigitOrUnderscore(_ c: UInt8) -> Bool { isDigit(c) || c == UInt8(ascii: "_") }

    static func isInt(_ b: [UInt8]) -> Bool {
        let alternatives: [(inout Scan) -> Bool] = [
            { s in s.sign(); return s.literal("0b") && s.many { $0 == UInt8(ascii: "0") || $0 == UInt8(ascii: "1") || $0 == UInt8(ascii: "_") } > 0 },
            { s in
                s.sign()
                guard s.one("0") else { return false }
                _ = s.one("o")
                return s.many { (UInt8(ascii: "0")...UInt8(ascii: "7")).contains($0) || $0 == UInt8(ascii: "_") } > 0
            },
            { s in
                s.sign()
                if s.one("0") { return true }
                guard s.one({ (UInt8(ascii: "1")...UInt8(ascii: "9")).contains($0) }) else { return false }
                s.many(isDigitOrUnderscore)
                return true
            },
            { s in s.sign(); return s.literal("0x") && s.many { isHex($0) || $0 == UInt8(ascii: "_") } > 0 },
            { s in
                s.sign()
                guard s.one({ (UInt8(ascii: "1")...UInt8(ascii: "9")).contains($0) }) else { return false }
                s.many(isDigitOrUnderscore)
                return s.sexagesimal()
            },
        ]
        return matchesAny(b, alternatives)
    }

    static func isHex(_ c: UInt8) -> Bool {
        isDigit(c) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(c) || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(c)
    }

    static func isFloat(_ b: [UInt8]) -> Bool {
        let alternatives: [(inout Scan) -> Bool] = [
            { s in
                s.sign()
                guard s.one(isDigit) else { return false }
                s.many(isDigitOrUnderscore)
                if s.one(".") { s.many(isDigitOrUnderscore) }
                let beforeExponent = s.i
                if s.one({ $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) {
                    s.sign()
                    if s.many(isDigit) == 0 { s.i = beforeExponent }
                }
                return true
            },
            { s in
                guard s.one("."), s.many(isDigitOrUnderscore) > 0 else { return false }
                let beforeExponent = s.i
                if s.one({ $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) {
                    if !s.one({ $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "+") }) || s.many(isDigit) == 0 { s.i = beforeExponent }
                }
                return true
            },
            { s in
                s.sign()
                guard s.one(isDigit) else { return false }
                s.many(isDigitOrUnderscore)
                guard s.sexagesimal(), s.one(".") else { return false }
                s.many(isDigitOrUnderscore)
                return true
            },
            { s in s.sign(); return s.literal(".inf") || s.literal(".Inf") || s.literal(".INF") },
            { s in s.literal(".nan") || s.literal(".NaN") || s.literal(".NAN") },
        ]
        return matchesAny(b, alternatives)
    }

    static func isTimestamp(_ b: [UInt8]) -> Bool {
        let alternatives: [(inout Scan) -> Bool] = [
            { s in digits(&s, 4) && s.one("-") && digits(&s, 2) && s.one("-") && digits(&s, 2) },
            { s in
                guard digits(&s, 4), s.one("-"), digits(&s, 1, 2), s.one("-"), digits(&s, 1, 2) else { return false }
                guard s.one({ $0 == UInt8(ascii: "T") || $0 == UInt8(ascii: "t") }) || s.many(isBlank) > 0 else { return false }
                guard digits(&s, 1, 2), s.one(":"), digits(&s, 2), s.one(":"), digits(&s, 2) else { return false }
                if s.one(".") { s.many(isDigit) }
                // Optional zone, `[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?)`: taken only when it matches whole.
                let beforeZone = s.i
                s.many(isBlank)
                if s.one("Z") { return true }
                if s.one({ $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "+") }), digits(&s, 1, 2) {
                    let beforeMinutes = s.i
                    if !(s.one(":") && digits(&s, 2)) { s.i = beforeMinutes }
                    return true
                }
                s.i = beforeZone
                return true
            },
        ]
        return matchesAny(b, alternatives)
    }

    static func isBlank(_ c: UInt8) -> Bool { c == UInt8(ascii: " ") || c == UInt8(ascii: "\t") }

    /// Between `min` and `max` digits, greedily (every use here is followed by a non-digit).
    static func digits(_ s: inout Scan, _ min: Int, _ max: Int? = nil) -> Bool {
        var n = 0
        while n < (max ?? min), s.one(isDigit) { n += 1 }
        return n >= min
    }

    /// Whether one alternative consumes the whole string (the rules are anchored with ^…$).
    static func matchesAny(_ b: [UInt8], _ alternatives: [(inout Scan) -> Bool]) -> Bool {
        alternatives.contains { alternative in
            var s = Scan(b)
            return alternative(&s) && s.atEnd
        }
    }
}
