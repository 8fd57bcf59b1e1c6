import PlatformSupport

/// What a YAML scalar's text means under YAML 1.1, exactly as Yams (6.x) answered it when the
/// loader used Yams: its default resolver's tag rules (`Resolver.default`, ICU regexes) and its
/// `NSNull`/`Bool`/`Int`/`Double` constructors, on libc and the standard library alone. Proven
/// against Yams on generated scalars in Tests/BlueprintKitTests/YAML11ScalarTests.swift.
enum YAML11Scalar {
    static let strTag = "tag:yaml.org,2002:str"
    static let mapTag = "tag:yaml.org,2002:map"
    static let seqTag = "tag:yaml.org,2002:seq"
    static let valueTag = "tag:yaml.org,2002:value"

    // MARK: constructors (Yams' Constructor.swift)

    /// `NSNull.construct`: for plain scalars only (the caller checks the style).
    static func isNull(_ s: String) -> Bool {
        switch s {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }

    /// `Bool.construct`: nil when the scalar's tag is `!!str` (the caller checks) or the text is
    /// no YAML 1.1 boolean in any letter case.
    static func bool(_ s: String) -> Bool? {
        switch s.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: return nil
        }
    }

    /// `Int.construct` for plain (or style-less) scalars: underscores dropped, 0x/0b/0o/0 radix
    /// prefixes, base 60 with ':'. Where Yams' base-60 arithmetic overflowed (and trapped) this
    /// answers nil.
    static func int(_ string: String) -> Int? {
        let withSign = string.replacingAll("_", with: "")
        if withSign == "0" { return 0 }
        let negative = withSign.hasPrefix("-")
        let signPrefix = negative ? "-" : ""
        let hasSign = negative || withSign.hasPrefix("+")
        let scalar = withSign.dropFirst(hasSign ? 1 : 0)
        for (prefix, radix) in [("0x", 16), ("0b", 2), ("0o", 8), ("0", 8)] where scalar.hasPrefix(prefix) {
            return Int(signPrefix + scalar.dropFirst(prefix.count), radix: radix)
        }
        if scalar.contains(":") { return sexagesimalInt(withSign) }
        return Int(withSign)
    }

    /// `Double.construct` for plain (or style-less) scalars.
    static func float(_ string: String) -> Double? {
        switch string.lowercased() {
        case ".inf", "+.inf": return .infinity
        case "-.inf": return -.infinity
        case ".nan": return .nan
        default:
            let s = string.replacingAll("_", with: "")
            if s.contains(":") { return sexagesimalDouble(s) }
            return Double(s)
        }
    }

    private static func signAndDigits(_ s: String) -> (negative: Bool, components: [String]) {
        var rest = Substring(s), negative = false
        if rest.hasPrefix("-") { negative = true; rest = rest.dropFirst() } else if rest.hasPrefix("+") { rest = rest.dropFirst() }
        return (negative, rest.split(separator: ":", omittingEmptySubsequences: false).map(String.init))
    }

    private static func sexagesimalInt(_ s: String) -> Int? {
        let (negative, components) = signAndDigits(s)
        let digits = components.compactMap { Int($0) }
        guard digits.count == components.count else { return nil }
        var base = 1, value = 0
        for digit in digits.reversed() {
            let (product, o1) = digit.multipliedReportingOverflow(by: base)
            let (sum, o2) = value.addingReportingOverflow(product)
            let (next, o3) = base.multipliedReportingOverflow(by: 60)
            if o1 || o2 || o3 { return nil }
            value = sum
            base = next
        }
        return negative ? -value : value
    }

    private static func sexagesimalDouble(_ s: String) -> Double? {
        let (negative, components) = signAndDigits(s)
        let digits = components.compactMap { Double($0) }
        guard digits.count == components.count else { return nil }
        var base = 1.0, value = 0.0
        for digit in digits.reversed() {
            value = value + digit * base
            base = base * 60
        }
        return (negative ? -1.0 : 1.0) * value
    }

    // MARK: resolver (Yams' Resolver.default)

    /// The tag Yams' default resolver gives an untagged plain scalar: the first of its rules
    /// (bool, int, float, merge, null, timestamp, value) whose pattern matches, else `!!str`.
    /// The patterns are `^(?:…)$` without multi-line mode, so ICU also accepts one line
    /// terminator at the end.
    static func resolvedTag(_ s: String) -> String {
        let bytes = Array(s.utf8)
        for (tag, rule) in rules where matchesAtEnd(bytes, rule) { return tag }
        return strTag
    }

    private typealias Rule = @Sendable (ArraySlice<UInt8>) -> Bool

    private static let rules: [(String, Rule)] = [
        ("tag:yaml.org,2002:bool", isBoolWord),
        ("tag:yaml.org,2002:int", isIntText),
        ("tag:yaml.org,2002:float", isFloatText),
        ("tag:yaml.org,2002:merge", { $0.elementsEqual("<<".utf8) }),
        ("tag:yaml.org,2002:null", { t in ["~", "null", "Null", "NULL", ""].contains { t.elementsEqual($0.utf8) } }),
        ("tag:yaml.org,2002:timestamp", isTimestamp),
        (valueTag, { $0.elementsEqual("=".utf8) }),
    ]

    /// The whole text, or the text before one final line terminator (ICU's `$`).
    private static func matchesAtEnd(_ b: [UInt8], _ rule: Rule) -> Bool {
        if rule(b[...]) { return true }
        let n = b.count
        if n >= 2, b[n - 2] == 0x0D, b[n - 1] == 0x0A, rule(b[..<(n - 2)]) { return true }
        if n >= 1, (0x0A...0x0D).contains(b[n - 1]), rule(b[..<(n - 1)]) { return true }
        if n >= 2, b[n - 2] == 0xC2, b[n - 1] == 0x85, rule(b[..<(n - 2)]) { return true } // U+0085
        if n >= 3, b[n - 3] == 0xE2, b[n - 2] == 0x80, b[n - 1] == 0xA8 || b[n - 1] == 0xA9, rule(b[..<(n - 3)]) { return true } // U+2028/9
        return false
    }

    private static let boolWords = ["yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE",
                                    "on", "On", "ON", "off", "Off", "OFF"]
    private static func isBoolWord(_ t: ArraySlice<UInt8>) -> Bool { boolWords.contains { t.elementsEqual($0.utf8) } }

    /// A cursor over ASCII text for the resolver's patterns (non-ASCII bytes match nothing).
    private struct Cursor {
        let t: ArraySlice<UInt8>
        var i: Int
        init(_ t: ArraySlice<UInt8>) { self.t = t; i = t.startIndex }
        var atEnd: Bool { i == t.endIndex }
        var peek: UInt8? { i < t.endIndex ? t[i] : nil }
        mutating func take(_ c: UInt8) -> Bool {
            guard peek == c else { return false }
            i += 1
            return true
        }
        mutating func take(_ ok: (UInt8) -> Bool) -> Bool {
            guard let c = peek, ok(c) else { return false }
            i += 1
            return true
        }
        /// Zero or more; returns how many.
        @discardableResult mutating func many(_ ok: (UInt8) -> Bool) -> Int {
            var n = 0
            while take(ok) { n += 1 }
            return n
        }
        mutating func sign() { _ = take(UInt8(ascii: "-")) || take(UInt8(ascii: "+")) }
    }

    private static func digit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
    private static func digitOrUnderscore(_ c: UInt8) -> Bool { digit(c) || c == 0x5F }

    /// `(?::[0-5]?[0-9])+`: the next character after each group is ':', '.' or the end, never
    /// a digit, so taking the whole digit run decides each group.
    private static func baseSixtyGroups(_ c: inout Cursor) -> Bool {
        var groups = 0
        while c.take(UInt8(ascii: ":")) {
            let start = c.i
            let n = c.many(digit)
            guard n == 1 || (n == 2 && c.t[start] <= UInt8(ascii: "5")) else { return false }
            groups += 1
        }
        return groups > 0
    }

    private static func isIntText(_ t: ArraySlice<UInt8>) -> Bool {
        func alternative(_ body: (inout Cursor) -> Bool) -> Bool {
            var c = Cursor(t)
            c.sign()
            return body(&c) && c.atEnd
        }
        return alternative { c in c.take(0x30) && c.take(UInt8(ascii: "b")) && c.many { $0 == 0x30 || $0 == 0x31 || $0 == 0x5F } > 0 }
            || alternative { c in
                guard c.take(0x30) else { return false }
                _ = c.take(UInt8(ascii: "o"))
                return c.many { ($0 >= 0x30 && $0 <= 0x37) || $0 == 0x5F } > 0
            }
            || alternative { c in c.take(0x30) || (c.take { $0 >= 0x31 && $0 <= 0x39 } && c.many(digitOrUnderscore) >= 0) }
            || alternative { c in
                c.take(0x30) && c.take(UInt8(ascii: "x"))
                    && c.many { digit($0) || ($0 >= 0x61 && $0 <= 0x66) || ($0 >= 0x41 && $0 <= 0x46) || $0 == 0x5F } > 0
            }
            || alternative { c in c.take { $0 >= 0x31 && $0 <= 0x39 } && c.many(digitOrUnderscore) >= 0 && baseSixtyGroups(&c) }
    }

    private static func isFloatText(_ t: ArraySlice<UInt8>) -> Bool {
        func alternative(signed: Bool, _ body: (inout Cursor) -> Bool) -> Bool {
            var c = Cursor(t)
            if signed { c.sign() }
            return body(&c) && c.atEnd
        }
        let dot = UInt8(ascii: ".")
        return alternative(signed: true) { c in
            guard c.take(digit) else { return false }
            c.many(digitOrUnderscore)
            if c.take(dot) { c.many(digitOrUnderscore) }
            if c.take({ $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) {
                c.sign()
                return c.many(digit) > 0
            }
            return true
        }
            || alternative(signed: false) { c in
                guard c.take(dot), c.many(digitOrUnderscore) > 0 else { return false }
                if c.take({ $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) {
                    guard c.take({ $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "+") }) else { return false }
                    return c.many(digit) > 0
                }
                return true
            }
            || alternative(signed: true) { c in
                guard c.take(digit) else { return false }
                c.many(digitOrUnderscore)
                guard baseSixtyGroups(&c), c.take(dot) else { return false }
                c.many(digitOrUnderscore)
                return true
            }
            || alternative(signed: true) { c in
                guard c.take(dot) else { return false }
                let rest = t[c.i...]
                guard ["inf", "Inf", "INF"].contains(where: { rest.elementsEqual($0.utf8) }) else { return false }
                c.i = t.endIndex
                return true
            }
            || ["nan", "NaN", "NAN"].contains { t.elementsEqual(("." + $0).utf8) }
    }

    private static func isTimestamp(_ t: ArraySlice<UInt8>) -> Bool {
        var c = Cursor(t)
        let dash = UInt8(ascii: "-"), colon = UInt8(ascii: ":")
        guard c.many(digit) == 4, c.take(dash) else { return false }
        let month = c.many(digit)
        guard month == 1 || month == 2, c.take(dash) else { return false }
        let day = c.many(digit)
        guard day == 1 || day == 2 else { return false }
        if c.atEnd { return month == 2 && day == 2 }
        // The date-time form.
        if !c.take({ $0 == UInt8(ascii: "T") || $0 == UInt8(ascii: "t") }) {
            guard c.many({ $0 == 0x20 || $0 == 0x09 }) > 0 else { return false }
        }
        let hour = c.many(digit)
        guard hour == 1 || hour == 2, c.take(colon), c.many(digit) == 2, c.take(colon), c.many(digit) == 2 else { return false }
        if c.take(UInt8(ascii: ".")) { c.many(digit) }
        if c.atEnd { return true }
        c.many { $0 == 0x20 || $0 == 0x09 }
        if c.take(UInt8(ascii: "Z")) { return c.atEnd }
        guard c.take({ $0 == dash || $0 == UInt8(ascii: "+") }) else { return false }
        let zone = c.many(digit)
        guard zone == 1 || zone == 2 else { return false }
        if c.take(colon) { guard c.many(digit) == 2 else { return false } }
        return c.atEnd
    }
}
