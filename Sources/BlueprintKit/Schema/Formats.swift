#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `format` checks, used only with --format-assert (by default formats are annotations, as
/// draft 2020-12 specifies). nil means "format not known": it passes.
enum Formats {
    static func check(_ format: String, _ s: String) -> Bool? {
        switch format {
        case "email": return email(s)
        case "date": return date(s)
        case "time": return time(s)
        case "date-time":
            guard let t = s.firstIndex(where: { $0 == "T" || $0 == "t" }) else { return false }
            return date(String(s[..<t])) && time(String(s[s.index(after: t)...]))
        case "ipv4": return ipv4(s)
        case "ipv6": return ipv6(s)
        case "uri": return uri(s, absolute: true)
        case "uri-reference": return uri(s, absolute: false)
        case "uuid": return uuid(s)
        case "regex":
            // Without the ICU engine the answer is unknown (PatternEngine.wasNeeded records it).
            do { _ = try Pattern(s); return true } catch is PatternEngineUnavailable { return nil } catch { return false }
        case "hostname": return hostname(s)
        default: return nil
        }
    }

    static func email(_ s: String) -> Bool {
        let parts = s.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty,
              !parts[0].hasPrefix("."), !parts[0].hasSuffix("."), !parts[0].contains("..") else { return false }
        return hostname(String(parts[1])) || (parts[1].hasPrefix("[") && parts[1].hasSuffix("]"))
    }

    static func hostname(_ s: String) -> Bool {
        guard !s.isEmpty, s.utf8.count <= 253 else { return false }
        return s.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { label in
            !label.isEmpty && label.count <= 63 && !label.hasPrefix("-") && !label.hasSuffix("-")
                && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        }
    }

    static func date(_ s: String) -> Bool {
        let p = s.split(separator: "-", omittingEmptySubsequences: false)
        guard p.count == 3, p[0].count == 4, p[1].count == 2, p[2].count == 2,
              p.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let y = Int(p[0]), let m = Int(p[1]), let d = Int(p[2]), (1...12).contains(m) else { return false }
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
        return (1...days).contains(d)
    }

    static func time(_ s: String) -> Bool {
        var t = Substring(s)
        var offsetMinutes = 0
        if t.hasSuffix("Z") || t.hasSuffix("z") { t = t.dropLast() } else {
            guard let sign = t.lastIndex(where: { $0 == "+" || $0 == "-" }) else { return false }
            let off = t[t.index(after: sign)...].split(separator: ":")
            guard off.count == 2, off[0].count == 2, off[1].count == 2, let oh = Int(off[0]), let om = Int(off[1]),
                  oh < 24, om < 60 else { return false }
            offsetMinutes = (oh * 60 + om) * (t[sign] == "+" ? 1 : -1)
            t = t[..<sign]
        }
        var frac = Substring("")
        if let dot = t.firstIndex(of: ".") { frac = t[t.index(after: dot)...]; t = t[..<dot]; if frac.isEmpty || !frac.allSatisfy(\.isNumber) { return false } }
        let hms = t.split(separator: ":", omittingEmptySubsequences: false)
        guard hms.count == 3, hms.allSatisfy({ $0.count == 2 && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let h = Int(hms[0]), let m = Int(hms[1]), let sec = Int(hms[2]), h < 24, m < 60, sec <= 60 else { return false }
        if sec == 60 {
            // A leap second is only valid at 23:59:60 UTC.
            let utc = ((h * 60 + m - offsetMinutes) % 1440 + 1440) % 1440
            return utc == 23 * 60 + 59
        }
        return true
    }

    static func ipv4(_ s: String) -> Bool {
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { p in
            !p.isEmpty && p.count <= 3 && p.allSatisfy { $0.isASCII && $0.isNumber } && (p.count == 1 || p.first != "0") && Int(p)! <= 255
        }
    }

    static func ipv6(_ s: String) -> Bool {
        var addr = s
        var groupsForV4 = 0
        if let lastColon = addr.lastIndex(of: ":"), addr[addr.index(after: lastColon)...].contains(".") {
            guard ipv4(String(addr[addr.index(after: lastColon)...])) else { return false }
            addr = String(addr[...lastColon]) + "0:0"
            groupsForV4 = 0
        }
        let doubles = addr.components(separatedBy: "::")
        guard doubles.count <= 2 else { return false }
        func groups(_ part: String) -> [Substring]? {
            if part.isEmpty { return [] }
            let g = part.split(separator: ":", omittingEmptySubsequences: false)
            return g.allSatisfy { !$0.isEmpty && $0.count <= 4 && $0.allSatisfy(\.isHexDigit) } ? g : nil
        }
        guard let head = groups(doubles[0]) else { return false }
        if doubles.count == 2 {
            guard let tail = groups(doubles[1]) else { return false }
            return head.count + tail.count + groupsForV4 <= 7
        }
        return head.count + groupsForV4 == 8
    }

    static func uri(_ s: String, absolute: Bool) -> Bool {
        guard !s.contains(where: { $0 == " " || $0 == "\\" || $0 == "<" || $0 == ">" || $0 == "\"" || !$0.isASCII }) else { return false }
        let u = URIReference(s)
        return !absolute || (u.scheme != nil && !(u.scheme!.isEmpty))
    }

    static func uuid(_ s: String) -> Bool {
        let groups = s.split(separator: "-", omittingEmptySubsequences: false)
        return groups.map(\.count) == [8, 4, 4, 4, 12] && groups.allSatisfy { $0.allSatisfy(\.isHexDigit) }
    }
}
