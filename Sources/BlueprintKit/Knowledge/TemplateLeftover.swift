/// Template prose left in a value ("your ami here", "[list of strings describing user names]",
/// "bucket name. must be lowercase ..."). One detector so every field-specific rule can defer to
/// BP105 instead of reporting the same leftover a second time. Byte-level and allocation-light:
/// it runs on most string values of every blueprint.
public enum TemplateLeftover {
    /// Exact leftovers seen in real files (compared case-insensitively, trimmed).
    static let phrases: Set<[UInt8]> = Set([
        "your ami here", "instance id", "ami id", "[list of strings describing user names]",
        "develop or deploy", "todo", "tbd", "changeme", "fill in", "xxx",
    ].map { Array($0.utf8) })

    /// Words that occur in template instructions but not in real identifiers.
    static let words: [[UInt8]] = [
        "here", "must", "example", "integer", "your", "describing", "should", "default", "e.g", "list of",
        "name of", "or deploy", "follow", "conventions", "indicates", "whether", "a boolean",
    ].map { Array($0.utf8) }

    /// True when the string reads like instructions from a template, not a value.
    public static func matches(_ value: String) -> Bool {
        var v = Array(value.utf8)
        while let f = v.first, f == 0x20 || f == 0x09 { v.removeFirst() }
        while let l = v.last, l == 0x20 || l == 0x09 { v.removeLast() }
        for i in v.indices where v[i] >= 0x41 && v[i] <= 0x5A { v[i] += 0x20 } // ASCII lowercase
        if phrases.contains(v) { return true }
        guard v.contains(0x20) || v.first == UInt8(ascii: "[") else { return false }
        for w in words where containsWord(v, w) { return true }
        return false
    }

    /// Whole-word search: the bytes around a match are not ASCII letters.
    private static func containsWord(_ v: [UInt8], _ w: [UInt8]) -> Bool {
        guard w.count <= v.count else { return false }
        func isLetter(_ b: UInt8) -> Bool { (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) }
        var i = 0
        while i + w.count <= v.count {
            if v[i] == w[0] {
                var k = 1
                while k < w.count, v[i + k] == w[k] { k += 1 }
                if k == w.count && (i == 0 || !isLetter(v[i - 1])) && (i + k == v.count || !isLetter(v[i + k])) { return true }
            }
            i += 1
        }
        return false
    }
}
