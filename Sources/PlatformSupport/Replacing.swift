/// NSString's `replacingOccurrences(of:with:)` for literal text, without Foundation (see
/// Lock.swift for why): every non-overlapping occurrence, left to right, compared as UTF-8.
extension StringProtocol {
    public func replacingAll(_ target: String, with replacement: String) -> String {
        let haystack = Array(utf8), needle = Array(target.utf8)
        guard !needle.isEmpty, haystack.count >= needle.count else { return String(self) }
        var out: [UInt8] = []
        out.reserveCapacity(haystack.count)
        var i = 0
        var replaced = false
        while i < haystack.count {
            if haystack[i] == needle[0], i + needle.count <= haystack.count,
               haystack[i..<(i + needle.count)].elementsEqual(needle) {
                out.append(contentsOf: replacement.utf8)
                i += needle.count
                replaced = true
            } else {
                out.append(haystack[i])
                i += 1
            }
        }
        return replaced ? String(decoding: out, as: UTF8.self) : String(self)
    }
}
