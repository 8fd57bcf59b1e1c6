#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The ISO 8601 timestamps AWS writes ("2024-05-01T12:30:45Z", "2024-05-01T12:30:45.123Z",
/// "…+02:00"), parsed as ISO8601DateFormatter's `.withInternetDateTime` with and without
/// `.withFractionalSeconds` did (without swift-corelibs-foundation: see PlatformSupport's
/// Lock.swift for why). Fractions are kept to the millisecond, as the formatter kept them.
enum ISO8601Timestamp {
    static func parse(_ s: String) -> Date? {
        let c = Array(s.utf8)
        var i = 0
        func number(_ width: Int) -> Int? {
            guard i + width <= c.count else { return nil }
            var v = 0
            for k in i..<(i + width) {
                guard c[k] >= 0x30, c[k] <= 0x39 else { return nil }
                v = v * 10 + Int(c[k] - 0x30)
            }
            i += width
            return v
        }
        func expect(_ ch: UInt8) -> Bool {
            guard i < c.count, c[i] == ch else { return false }
            i += 1
            return true
        }
        guard let y = number(4), expect(0x2D), let m = number(2), expect(0x2D), let d = number(2), expect(0x54),
              let hh = number(2), expect(0x3A), let mm = number(2), expect(0x3A), let ss = number(2) else { return nil }
        // As leniently as the formatter: day 31 of any month and hour 24 roll over into what follows.
        guard (1...12).contains(m), (1...31).contains(d), hh <= 24, mm < 60, ss < 60 else { return nil }
        var millis = 0
        if expect(0x2E) {
            let start = i
            while i < c.count, c[i] >= 0x30, c[i] <= 0x39 { i += 1 }
            guard i > start else { return nil }
            let digits = c[start..<i].prefix(3).map { Int($0 - 0x30) } + [0, 0, 0]
            millis = digits[0] * 100 + digits[1] * 10 + digits[2]
        }
        var offset = 0
        if expect(0x5A) {
            offset = 0
        } else if i < c.count, c[i] == 0x2B || c[i] == 0x2D {
            let sign = c[i] == 0x2D ? -1 : 1
            i += 1
            guard let oh = number(2) else { return nil }
            _ = expect(0x3A)  // "+02:00" or "+0200"
            guard let om = number(2), oh < 24, om < 60 else { return nil }
            offset = sign * (oh * 3600 + om * 60)
        } else {
            return nil
        }
        guard i == c.count else { return nil }
        let seconds = (AWSDate.days(y, m, 1) + d - 1) * 86400 + hh * 3600 + mm * 60 + ss - offset
        return Date(timeIntervalSince1970: Double(seconds) + Double(millis) / 1000)
    }
}
