import BlueprintKit
import Foundation

/// The ICU regex engine (NSRegularExpression) for schema patterns ECMARegex refuses, outside
/// BlueprintKit so that a front can link BlueprintKit without swift-corelibs-foundation.
/// Executables that link Foundation anyway call `install()` once at start-up.
public enum SchemaICU {
    /// ICU calls back about every 10,000 backtracking steps; this many callbacks and it stops.
    public static let progressBudget = 2_000

    public static func install() {
        PatternEngine.register { try ICUPattern($0) }
    }

    /// The ECMA-262 pattern as ICU reads it: `\d`, `\w` and their negations narrowed to ASCII,
    /// as ECMA-262 defines them (ICU's are Unicode-wide).
    public static func translate(_ p: String) -> String {
        var out = ""
        var inClass = false
        var it = p.makeIterator()
        while let c = it.next() {
            if c == "\\", let n = it.next() {
                switch (n, inClass) {
                case ("d", false): out += "[0-9]"
                case ("D", false): out += "[^0-9]"
                case ("w", false): out += "[a-zA-Z0-9_]"
                case ("W", false): out += "[^a-zA-Z0-9_]"
                case ("d", true): out += "0-9"
                case ("w", true): out += "a-zA-Z0-9_"
                default: out += "\\" + String(n)
                }
                continue
            }
            if c == "[" { inClass = true } else if c == "]" { inClass = false }
            out.append(c)
        }
        return out
    }
}

/// One compiled pattern; NSRegularExpression is immutable once made and safe to share.
struct ICUPattern: PatternMatcher, @unchecked Sendable {
    let regex: NSRegularExpression

    init(_ source: String) throws {
        regex = try NSRegularExpression(pattern: SchemaICU.translate(source), options: [])
    }

    func test(_ s: String) -> Bool? {
        var found = false, gaveUp = false, ticks = 0
        regex.enumerateMatches(in: s, options: [.reportProgress], range: NSRange(location: 0, length: (s as NSString).length)) { m, _, stop in
            if m != nil { found = true; stop.pointee = true; return }
            ticks += 1
            if ticks > SchemaICU.progressBudget { gaveUp = true; stop.pointee = true }
        }
        return found ? true : (gaveUp ? nil : false)
    }
}
