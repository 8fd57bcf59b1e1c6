/// `trimmingCharacters(in: .whitespaces)` and `.whitespacesAndNewlines` without Foundation's
/// CharacterSet (see Lock.swift for why); the same sets as corelibs': Unicode space separators,
/// tab and U+200B, plus the line separators for the second.
extension StringProtocol {
    public func trimmingWhitespace() -> String { trimming(PlatformWhitespace.isSpace) }
    public func trimmingWhitespaceAndNewlines() -> String { trimming(PlatformWhitespace.isSpaceOrNewline) }

    private func trimming(_ drop: (Unicode.Scalar) -> Bool) -> String {
        let string = String(self)
        let scalars = string.unicodeScalars
        guard let first = scalars.firstIndex(where: { !drop($0) }) else { return "" }
        let end = scalars.index(after: scalars.lastIndex(where: { !drop($0) })!)
        if first == scalars.startIndex && end == scalars.endIndex { return string }
        return String(Substring(scalars[first..<end]))
    }
}

enum PlatformWhitespace {
    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 { return s == " " || s == "\t" }
        return s.value == 0x200B || s.properties.generalCategory == .spaceSeparator
    }

    static func isSpaceOrNewline(_ s: Unicode.Scalar) -> Bool {
        if isSpace(s) { return true }
        switch s.value {
        case 0x0A...0x0D, 0x85, 0x2028, 0x2029: return true
        default: return false
        }
    }
}
