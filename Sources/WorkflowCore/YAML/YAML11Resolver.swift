/// PyYAML's `Resolver`: YAML 1.1 implicit tags for plain scalars, tried in PyYAML's order among
/// the resolvers registered for the scalar's first character (yes/no/on/off are booleans,
/// `1_000` and `017` are ints, `1e3` is a string, `2021-01-02` a date). The patterns are
/// PyYAML's regular expressions written out by hand: compiling them with ICU cost 20 ms per
/// process, twice the start-up of the whole command.
enum YAML11Resolver {
    static let prefix = "tag:yaml.org,2002:"

    /// The tag of a plain (implicit) scalar.
    static func tag(ofPlain value: String) -> String {
        let s = Array(value.utf8)
        guard let first = s.first else { return prefix + "null" }
        let order: [(String, String, ([UInt8]) -> Bool)] = [
            ("bool", "yYnNtTfFoO", isBool), ("float", "-+0123456789.", isFloat), ("int", "-+0123456789", isInt),
            ("merge", "<", { $0 == Array("<<".utf8) }), ("null", "~nN", isNull),
            ("timestamp", "0123456789", { parseTimestamp($0, strictDate: true) != nil }), ("value", "=", { $0 == [UInt8(ascii: "=")] }),
        ]
        for (name, firsts, matches) in order where firsts.utf8.contains(first) && matches(s) { return prefix + name }
        return prefix + "str"
    }

    /// A switch, not a `Set<String>`: building the set cost 0.2M instructions (its Hashable
    /// conformance lookup), half of what read-yaml does after start-up.
    static func isBool(_ s: [UInt8]) -> Bool {
        switch String(decoding: s, as: UTF8.self) {
        case "yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE",
             "false", "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF": return true
        default: return false
        }
    }
    static func isNull(_ s: [UInt8]) -> Bool { ["~", "null", "Null", "NULL", ""].contains(String(decoding: s, as: UTF8.self)) }

    private static func digit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
    private static func all(_ s: ArraySlice<UInt8>, _ ok: (UInt8) -> Bool) -> Bool { s.allSatisfy(ok) }
    private static func digitOrUnderscore(_ c: UInt8) -> Bool { digit(c) || c == UInt8(ascii: "_") }
    private static func unsigned(_ s: [UInt8]) -> ArraySlice<UInt8> {
        s.first == UInt8(ascii: "-") || s.first == UInt8(ascii: "+") ? s.dropFirst() : s[...]
    }

    /// `(?::[0-5]?[0-9])+` over the parts after the first colon.
    private static func base60Groups(_ parts: ArraySlice<ArraySlice<UInt8>>) -> Bool {
        !parts.isEmpty && parts.allSatisfy { p in
            (p.count == 1 && digit(p.first!)) || (p.count == 2 && (0x30...0x35).contains(p.first!) && digit(p.last!))
        }
    }

    /// `[-+]?0b[0-1_]+ | [-+]?0[0-7_]+ | [-+]?(?:0|[1-9][0-9_]*) | [-+]?0x[0-9a-fA-F_]+ | [-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+`
    static func isInt(_ s: [UInt8]) -> Bool {
        let u = unsigned(s)
        guard let first = u.first else { return false }
        let rest = u.dropFirst()
        if first == UInt8(ascii: "0") {
            if rest.isEmpty { return true }
            if rest.first == UInt8(ascii: "b") { return rest.count > 1 && all(rest.dropFirst()) { $0 == 0x30 || $0 == 0x31 || $0 == 0x5F } }
            if rest.first == UInt8(ascii: "x") {
                return rest.count > 1 && all(rest.dropFirst()) { Character(UnicodeScalar($0)).isHexDigit || $0 == 0x5F }
            }
            return all(rest) { (0x30...0x37).contains($0) || $0 == 0x5F }
        }
        guard (0x31...0x39).contains(first) else { return false }
        let parts = u.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false)
        guard all(parts[0].dropFirst(), digitOrUnderscore) else { return false }
        return parts.count == 1 || base60Groups(parts.dropFirst())
    }

    /// `[eE][-+][0-9]+` or nothing.
    private static func exponent(_ s: ArraySlice<UInt8>) -> Bool {
        guard let e = s.first else { return true }
        guard e == UInt8(ascii: "e") || e == UInt8(ascii: "E") else { return false }
        let signed = s.dropFirst()
        guard let sign = signed.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") else { return false }
        return signed.count > 1 && all(signed.dropFirst(), digit)
    }

    /// `[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)? | \.[0-9][0-9_]*(?:[eE][-+][0-9]+)?
    ///  | [-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]* | [-+]?\.(?:inf|Inf|INF) | \.(?:nan|NaN|NAN)`
    static func isFloat(_ s: [UInt8]) -> Bool {
        let text = String(decoding: s, as: UTF8.self)
        if [".nan", ".NaN", ".NAN"].contains(text) { return true }
        let u = unsigned(s)
        if [".inf", ".Inf", ".INF"].contains(String(decoding: u, as: UTF8.self)) { return true }
        if s.first == UInt8(ascii: ".") {
            // No sign allowed before a leading point.
            let digits = s.dropFirst().prefix(while: digitOrUnderscore)
            guard let d = digits.first, digit(d) else { return false }
            return exponent(s.dropFirst(1 + digits.count))
        }
        guard let first = u.first, digit(first), let dot = u.firstIndex(of: UInt8(ascii: ".")) else { return false }
        let whole = u[u.startIndex..<dot], fraction = u[(dot + 1)...]
        let fractionDigits = fraction.prefix(while: digitOrUnderscore)
        if !whole.contains(UInt8(ascii: ":")) {
            return all(whole, digitOrUnderscore) && exponent(fraction.dropFirst(fractionDigits.count))
        }
        let parts = whole.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false)
        return all(parts[0], digitOrUnderscore) && base60Groups(parts.dropFirst()) && fractionDigits.count == fraction.count
    }

    struct Timestamp {
        var year = 0, month = 0, day = 0
        var time: (hour: Int, minute: Int, second: Int, fraction: String)?
        /// "Z", or a sign with hours and minutes.
        var zone: (utc: Bool, negative: Bool, hours: Int, minutes: Int)?
    }

    /// PyYAML's timestamp pattern; `strictDate` for the implicit resolver, whose date-only form
    /// needs two-digit month and day (the constructor's pattern takes one or two).
    static func parseTimestamp(_ s: [UInt8], strictDate: Bool) -> Timestamp? {
        var i = 0
        func digits(_ min: Int, _ max: Int) -> Int? {
            var n = 0, v = 0
            while n < max, i < s.count, digit(s[i]) { v = v * 10 + Int(s[i] - 0x30); i += 1; n += 1 }
            return n >= min ? v : nil
        }
        func take(_ c: Character) -> Bool {
            guard i < s.count, s[i] == c.asciiValue! else { return false }
            i += 1
            return true
        }
        var t = Timestamp()
        guard let y = digits(4, 4), take("-") else { return nil }
        let monthStart = i
        guard let m = digits(1, 2), take("-") else { return nil }
        let dayStart = i
        guard let d = digits(1, 2) else { return nil }
        (t.year, t.month, t.day) = (y, m, d)
        if i == s.count {
            if strictDate && (dayStart - monthStart != 3 || i - dayStart != 2) { return nil }
            return t
        }
        if !(take("T") || take("t")) {
            let start = i
            while i < s.count, s[i] == 0x20 || s[i] == 0x09 { i += 1 }
            guard i > start else { return nil }
        }
        guard let hour = digits(1, 2), take(":"), let minute = digits(2, 2), take(":"), let second = digits(2, 2) else { return nil }
        var fraction = ""
        if take(".") {
            while i < s.count, digit(s[i]) { fraction.append(Character(UnicodeScalar(s[i]))); i += 1 }
        }
        t.time = (hour, minute, second, fraction)
        if i == s.count { return t }
        while i < s.count, s[i] == 0x20 || s[i] == 0x09 { i += 1 }
        if take("Z") {
            t.zone = (true, false, 0, 0)
        } else if i < s.count, s[i] == UInt8(ascii: "-") || s[i] == UInt8(ascii: "+") {
            let negative = s[i] == UInt8(ascii: "-")
            i += 1
            guard let h = digits(1, 2) else { return nil }
            var minutes = 0
            if take(":") { guard let mm = digits(2, 2) else { return nil }; minutes = mm }
            t.zone = (false, negative, h, minutes)
        } else {
            return nil
        }
        return i == s.count ? t : nil
    }
}
