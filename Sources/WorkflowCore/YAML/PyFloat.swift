/// Python's `repr(float)`: the shortest digits that round-trip (as Swift's description also
/// finds), laid out the way CPython does (exponent form when the point is before -4 or past 16).
enum PyFloat {
    static func repr(_ d: Double) -> String {
        if d.isNaN { return "nan" }
        if d.isInfinite { return d < 0 ? "-inf" : "inf" }
        let sign = d.sign == .minus ? "-" : ""
        if d == 0 { return sign + "0.0" }
        let text = "\(d.magnitude)" // "1000.0", "1e+16", "1.5e-05"
        let parts = text.split(separator: "e", maxSplits: 1)
        let exponent = parts.count > 1 ? Int(parts[1])! : 0
        let mantissa = parts[0].split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        var digits = Array(mantissa[0] + (mantissa.count > 1 ? mantissa[1] : ""))
        var point = mantissa[0].count + exponent
        while digits.first == "0" { digits.removeFirst(); point -= 1 }
        while digits.last == "0" { digits.removeLast() }
        let all = String(digits)
        if point <= -4 || point > 16 {
            let rest = all.dropFirst()
            let e = point - 1
            let eDigits = String(abs(e))
            return sign + String(all.prefix(1)) + (rest.isEmpty ? "" : "." + rest) + "e" + (e < 0 ? "-" : "+")
                + (eDigits.count < 2 ? "0" : "") + eDigits
        }
        if point <= 0 { return sign + "0." + String(repeating: "0", count: -point) + all }
        if point >= all.count { return sign + all + String(repeating: "0", count: point - all.count) + ".0" }
        return sign + String(all.prefix(point)) + "." + String(all.dropFirst(point))
    }
}
