/// The key order of JSONSerialization's `.sortedKeys` on corelibs: NSString's compare with
/// `[.numeric, .caseInsensitive, .forcedOrdering]` in the system locale, i.e. ICU root collation
/// with numeric runs. Modelled for the keys AWS request bodies have (API member names and Lambda
/// environment variable names, `[A-Za-z][A-Za-z0-9_]*`, and ASCII punctuation); the test
/// compares it with JSONSerialization on generated keys. Other keys fall back to code-point order
/// after the modelled levels.
enum JSONKeyOrder {
    static func precedes(_ a: String, _ b: String) -> Bool { compare(a, b) < 0 }

    /// One collation element: its primary weight (punctuation < digit runs < letters), the case
    /// (lower before upper) and, for digit runs, the written length (leading zeros count).
    private struct Element {
        var primaryClass: Int
        var primary: [UInt32]
        var upper: Bool
        var written = 1
    }

    static func compare(_ a: String, _ b: String) -> Int {
        if a == b { return 0 }
        let x = elements(a), y = elements(b)
        // Primary: the characters case-folded, digit runs by value.
        for (p, q) in zip(x, y) {
            if p.primaryClass != q.primaryClass { return p.primaryClass < q.primaryClass ? -1 : 1 }
            if p.primary != q.primary { return p.primary.lexicographicallyPrecedes(q.primary) ? -1 : 1 }
        }
        if x.count != y.count { return x.count < y.count ? -1 : 1 }
        // Then the first element that differs in case (lower first) or in a digit run's leading
        // zeros (fewer first): "a01" < "A1", "1B" < "01b".
        for (p, q) in zip(x, y) {
            if p.written != q.written { return p.written < q.written ? -1 : 1 }
            if p.upper != q.upper { return p.upper ? 1 : -1 }
        }
        // Forced ordering of what is still equal: the shorter first, then code points.
        let (ua, ub) = (Array(a.unicodeScalars), Array(b.unicodeScalars))
        if ua.count != ub.count { return ua.count < ub.count ? -1 : 1 }
        return ua.lexicographicallyPrecedes(ub, by: { $0.value < $1.value }) ? -1 : 1
    }

    /// ICU root's order of ASCII punctuation and symbols (all before digits and letters).
    private static let punctuation: [UInt8: UInt32] = {
        let order = Array("\t\n\r _-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$".utf8)
        var table: [UInt8: UInt32] = [:]
        for (k, c) in order.enumerated() { table[c] = UInt32(k) }
        return table
    }()

    private static func elements(_ s: String) -> [Element] {
        var out: [Element] = []
        let scalars = Array(s.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            if c.value >= 0x30 && c.value <= 0x39 {
                var j = i
                while j < scalars.count, scalars[j].value >= 0x30, scalars[j].value <= 0x39 { j += 1 }
                // The run's value without leading zeros, compared as (digit count, digits).
                var digits = scalars[i..<j].map { $0.value - 0x30 }
                while digits.count > 1, digits.first == 0 { digits.removeFirst() }
                out.append(Element(primaryClass: 1, primary: [UInt32(digits.count)] + digits, upper: false, written: j - i))
                i = j
                continue
            }
            if c.value >= 0x41 && c.value <= 0x5A {
                out.append(Element(primaryClass: 2, primary: [c.value + 0x20], upper: true))
            } else if c.value >= 0x61 && c.value <= 0x7A {
                out.append(Element(primaryClass: 2, primary: [c.value], upper: false))
            } else if c.value < 0x80, let rank = punctuation[UInt8(c.value)] {
                out.append(Element(primaryClass: 0, primary: [rank], upper: false))
            } else {
                out.append(Element(primaryClass: 3, primary: [c.value], upper: false))
            }
            i += 1
        }
        return out
    }
}
