/// A Python int of any size (YAML integers are unbounded in PyYAML), kept as base-10⁹ limbs.
struct PyInt: CustomStringConvertible {
    private(set) var negative = false
    private var limbs: [UInt32] = [] // little-endian, base 1_000_000_000, no high zero limbs

    init() {}

    /// `digits` in `radix` (2, 8, 10 or 16), no sign, no underscores; nil when a digit is invalid
    /// or there are none (Python's `int('', 2)` raises).
    init?(digits: Substring, radix: UInt32) {
        guard !digits.isEmpty else { return nil }
        for c in digits {
            guard let d = c.hexDigitValue, d < radix else { return nil }
            mulAdd(radix, UInt32(d))
        }
    }

    /// An integral Double, exactly (Python compares `1.0 == 1` as keys).
    init(exactly d: Double) {
        self.init()
        let m = d.magnitude
        guard m >= 1 else { return }
        // m = significand × 2^shift, the significand a 53-bit integer.
        let shift = Int(m.exponent) - Double.significandBitCount
        let significand = m.significandBitPattern | (1 << UInt64(Double.significandBitCount))
        let whole = shift < 0 ? significand >> UInt64(-shift) : significand
        self.init(digits: Substring(String(whole)), radix: 10)!
        for _ in 0..<max(shift, 0) { mulAdd(2, 0) }
        negative = d < 0
    }

    mutating func mulAdd(_ mul: UInt32, _ add: UInt32) {
        var carry = UInt64(add)
        for i in limbs.indices {
            let v = UInt64(limbs[i]) * UInt64(mul) + carry
            limbs[i] = UInt32(v % 1_000_000_000)
            carry = v / 1_000_000_000
        }
        while carry > 0 {
            limbs.append(UInt32(carry % 1_000_000_000))
            carry /= 1_000_000_000
        }
    }

    func negated(_ yes: Bool) -> PyInt {
        var copy = self
        copy.negative = yes && !limbs.isEmpty
        return copy
    }

    var description: String {
        guard let top = limbs.last else { return "0" }
        var s = negative ? "-" : ""
        s += String(top)
        for limb in limbs.dropLast().reversed() {
            let part = String(limb)
            s += String(repeating: "0", count: 9 - part.count) + part
        }
        return s
    }
}
