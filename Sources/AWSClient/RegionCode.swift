/// Whether a string is shaped like an AWS region code (us-east-1, us-gov-west-1, us-isob-east-1):
/// the pattern `^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-[0-9]+$` that `bpctl`'s AWS commands checked
/// with NSRegularExpression (ICU's regex set-up alone was 10 M instructions of `bpctl whoami`'s
/// 51 M, and it needs swift-corelibs-foundation), written out by hand. Like ICU's `$`, one line
/// terminator at the very end is allowed.
public enum RegionCode {
    public static func isWellFormed(_ code: String) -> Bool {
        var s = Array(code.unicodeScalars)
        if s.count >= 2, s[s.count - 2] == "\r", s[s.count - 1] == "\n" {
            s.removeLast(2)
        } else if let last = s.last, isLineTerminator(last) {
            s.removeLast()
        }
        guard s.count >= 3, isLower(s[0]), isLower(s[1]), s[2] == "-" else { return false }
        let segments = s[3...].split(separator: "-", omittingEmptySubsequences: false)
        switch segments.count {
        case 2:
            return isLetters(segments[0]) && isDigits(segments[1])
        case 3:
            let first = segments[0]
            let partition = first.elementsEqual("gov".unicodeScalars)
                || (first.starts(with: "iso".unicodeScalars) && first.dropFirst(3).allSatisfy(isLower))
            return partition && isLetters(segments[1]) && isDigits(segments[2])
        default:
            return false
        }
    }

    private static func isLower(_ c: Unicode.Scalar) -> Bool { c.value >= 0x61 && c.value <= 0x7A }
    private static func isLetters(_ s: ArraySlice<Unicode.Scalar>) -> Bool { !s.isEmpty && s.allSatisfy(isLower) }
    private static func isDigits(_ s: ArraySlice<Unicode.Scalar>) -> Bool { !s.isEmpty && s.allSatisfy { $0.value >= 0x30 && $0.value <= 0x39 } }

    /// ICU's line terminators (\r\n is handled by the caller as one).
    private static func isLineTerminator(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: return true
        default: return false
        }
    }
}
