/// `^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-[0-9]+$` as NSRegularExpression (ICU) matched it, without
/// Foundation: ICU's `$` also matches before one line terminator that ends the input, so
/// "us-east-1\n" was accepted and still is (FoundationReplacementTests compares the two).
enum RegionCode {
    static func isWellFormed(_ code: String) -> Bool {
        var scalars = Array(code.unicodeScalars)
        if let last = scalars.last {
            if scalars.count >= 2, scalars[scalars.count - 2] == "\r", last == "\n" {
                scalars.removeLast(2)
            } else if ["\n", "\u{0B}", "\u{0C}", "\r", "\u{85}", "\u{2028}", "\u{2029}"].contains(last) {
                scalars.removeLast()
            }
        }
        // No part contains "-", so the pattern is a sequence of "-"-separated parts: two letters,
        // then "gov" or "iso…" (optional), then letters, then digits.
        let parts = scalars.split(separator: "-", omittingEmptySubsequences: false)
        func letters(_ p: ArraySlice<Unicode.Scalar>) -> Bool { !p.isEmpty && p.allSatisfy { ("a"..."z").contains($0) } }
        func digits(_ p: ArraySlice<Unicode.Scalar>) -> Bool { !p.isEmpty && p.allSatisfy { ("0"..."9").contains($0) } }
        guard parts.count == 3 || parts.count == 4, parts[0].count == 2, letters(parts[0]) else { return false }
        if parts.count == 4 {
            let middle = parts[1]
            let partition = middle.elementsEqual("gov".unicodeScalars)
                || (middle.starts(with: "iso".unicodeScalars) && middle.dropFirst(3).allSatisfy { ("a"..."z").contains($0) })
            guard partition else { return false }
        }
        return letters(parts[parts.count - 2]) && digits(parts[parts.count - 1])
    }
}
