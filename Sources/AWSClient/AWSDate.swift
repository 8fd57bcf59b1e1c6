/// UTC timestamps in SigV4's formats, computed from epoch seconds (no DateFormatter: it is slow
/// and locale-sensitive).
public struct AWSDate: Sendable, Equatable {
    public let seconds: Int

    public init(secondsSince1970: Int) { seconds = secondsSince1970 }

    /// "20150830T123600Z"
    public var amzDate: String {
        let (y, m, d, hh, mm, ss) = civil()
        return "\(pad(y, 4))\(pad(m, 2))\(pad(d, 2))T\(pad(hh, 2))\(pad(mm, 2))\(pad(ss, 2))Z"
    }

    /// "20150830"
    public var dateStamp: String { String(amzDate.prefix(8)) }

    /// Parse "20150830T123600Z".
    public init?(amzDate s: String) {
        let c = Array(s)
        guard c.count == 16, c[8] == "T", c[15] == "Z", let y = Int(String(c[0..<4])), let m = Int(String(c[4..<6])),
              let d = Int(String(c[6..<8])), let hh = Int(String(c[9..<11])), let mm = Int(String(c[11..<13])),
              let ss = Int(String(c[13..<15])) else { return nil }
        seconds = AWSDate.days(y, m, d) * 86400 + hh * 3600 + mm * 60 + ss
    }

    /// Howard Hinnant's days-from-civil.
    static func days(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    private func civil() -> (Int, Int, Int, Int, Int, Int) {
        let z0 = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400
        let secs = seconds - z0 * 86400
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        return (y, m, d, secs / 3600, (secs % 3600) / 60, secs % 60)
    }

    private func pad(_ v: Int, _ n: Int) -> String {
        let s = String(v)
        return String(repeating: "0", count: max(0, n - s.count)) + s
    }
}
