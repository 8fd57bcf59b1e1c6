/// Template prose left in a value ("your ami here", "[list of strings describing user names]",
/// "bucket name. must be lowercase ..."). One detector so every field-specific rule can defer to
/// BP105 instead of reporting the same leftover a second time. Byte-level and allocation-light:
/// it runs on most string values of every blueprint.
public enum TemplateLeftover {
    /// Exact leftovers seen in real files (compared case-insensitively, trimmed).
    static let phrases: [[UInt8]] = [
        "your ami here", "instance id", "ami id", "[list of strings describing user names]",
        "develop or deploy", "todo", "tbd", "changeme", "fill in", "xxx",
    ].map { Array($0.utf8) }

    /// Bit n set when a phrase has n bytes: most values are ruled out without visiting the list.
    static let phraseLengths: UInt64 = phrases.reduce(0) { $0 | (1 << UInt64($1.count)) }

    /// Words that occur in template instructions but not in real identifiers.
    static let words: [[UInt8]] = [
        "here", "must", "example", "integer", "your", "describing", "should", "default", "e.g", "list of",
        "name of", "or deploy", "follow", "conventions", "indicates", "whether", "a boolean",
    ].map { Array($0.utf8) }

    /// True when the string reads like instructions from a template, not a value.
    /// Reads the string's own UTF-8 without copying or lowercasing it (it runs ~60 times per
    /// blueprint; the copying version cost 1.5 K instructions a call).
    public static func matches(_ value: String) -> Bool {
        var value = value
        return value.withUTF8 { all in
            var lo = 0, hi = all.count
            while lo < hi, all[lo] == 0x20 || all[lo] == 0x09 { lo += 1 }
            while hi > lo, all[hi - 1] == 0x20 || all[hi - 1] == 0x09 { hi -= 1 }
            let v = UnsafeBufferPointer(rebasing: all[lo..<hi])
            if v.count < 64, phraseLengths & (1 << UInt64(v.count)) != 0 {
                for p in phrases where p.count == v.count && equalFolded(v, at: 0, p) { return true }
            }
            guard v.contains(0x20) || v.first == UInt8(ascii: "[") else { return false }
            return containsAnyWord(v)
        }
    }

    /// Bit n set when a word starts with the n-th lowercase letter: one pass over the value
    /// tries only the words that can start at each word boundary (a pass per word cost ~300
    /// instructions a value; `containsWord` per word is the reference the tests compare with).
    static let firstLetters: UInt32 = words.reduce(0) { $0 | (1 << UInt32($1[0] &- 0x61)) }

    /// Whether any of `words` occurs in v as a whole word, ignoring ASCII case.
    static func containsAnyWord(_ v: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < v.count {
            let c = lower(v[i]) &- 0x61
            if c < 26, firstLetters & (1 << UInt32(c)) != 0, i == 0 || !isLetter(v[i - 1]) {
                for w in words where w[0] &- 0x61 == c && w.count <= v.count - i && equalFolded(v, at: i, w) {
                    if i + w.count == v.count || !isLetter(v[i + w.count]) { return true }
                }
            }
            i += 1
        }
        return false
    }

    @inline(__always) private static func isLetter(_ b: UInt8) -> Bool { (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) }

    /// The general path: the value read once per word.
    static func containsAnyWordByWord(_ v: UnsafeBufferPointer<UInt8>) -> Bool {
        for w in words where containsWord(v, w) { return true }
        return false
    }

    /// ASCII lowercase, the only case folding the detector does.
    @inline(__always) private static func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b + 0x20 : b }

    /// Whether v[at...] starts with `w` (lowercase) ignoring ASCII case.
    private static func equalFolded(_ v: UnsafeBufferPointer<UInt8>, at: Int, _ w: [UInt8]) -> Bool {
        for k in 0..<w.count where lower(v[at + k]) != w[k] { return false }
        return true
    }

    /// Whole-word search, ignoring ASCII case: the bytes around a match are not ASCII letters.
    static func containsWord(_ v: UnsafeBufferPointer<UInt8>, _ w: [UInt8]) -> Bool {
        guard w.count <= v.count else { return false }
        func isLetter(_ b: UInt8) -> Bool { (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) }
        var i = 0
        while i + w.count <= v.count {
            if lower(v[i]) == w[0], equalFolded(v, at: i, w),
               i == 0 || !isLetter(v[i - 1]), i + w.count == v.count || !isLetter(v[i + w.count]) { return true }
            i += 1
        }
        return false
    }
}
