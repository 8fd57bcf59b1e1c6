/// Where a YAML scalar's text lies in the file. The loader records only where each scalar starts
/// (libyaml's start mark), so the end is found here by scanning the scalar in its own style;
/// the edit is re-parsed afterwards, so a wrong extent cannot go unnoticed.
struct YAMLScalarExtent {
    enum Style { case plain, singleQuoted, doubleQuoted, literal, folded }
    let style: Style
    let range: SourceRange
    /// Indentation of a block scalar's content lines (0 for other styles).
    let blockIndent: Int

    static func find(_ node: Node, in source: SourceFile) -> YAMLScalarExtent? {
        let b = source.bytes
        let start = node.range.start
        guard start < b.count else { return nil }
        switch b[start] {
        case UInt8(ascii: "\""): return quoted(b, start, escape: UInt8(ascii: "\\")).map { .init(style: .doubleQuoted, range: $0, blockIndent: 0) }
        case UInt8(ascii: "'"): return quoted(b, start, escape: nil).map { .init(style: .singleQuoted, range: $0, blockIndent: 0) }
        case UInt8(ascii: "|"), UInt8(ascii: ">"): return block(b, start)
        case UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "!"), UInt8(ascii: "\n"), UInt8(ascii: "#"),
             UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}"):
            return nil // anchors, aliases, tags; an empty value (the mark sits after it)
        default: return plain(b, start, node)
        }
    }

    /// A quoted scalar ends at the first unescaped closing quote ('' is a quote inside '…').
    private static func quoted(_ b: [UInt8], _ start: Int, escape: UInt8?) -> SourceRange? {
        let quote = b[start]
        var i = start + 1
        while i < b.count {
            if let escape, b[i] == escape { i += 2; continue }
            if b[i] == quote {
                if escape == nil, i + 1 < b.count, b[i + 1] == quote { i += 2; continue }
                return SourceRange(start: start, end: i + 1)
            }
            i += 1
        }
        return nil
    }

    /// A plain scalar: the shortest run of text, possibly over several lines, whose folded
    /// value equals the parsed value. Non-strings (numbers, booleans, null) are single tokens.
    private static func plain(_ b: [UInt8], _ start: Int, _ node: Node) -> YAMLScalarExtent? {
        let lineEnd = b[start...].firstIndex(of: 0x0A) ?? b.count
        func trimmedEnd(_ end: Int) -> Int {
            var e = end
            while e > start, b[e - 1] == 0x20 || b[e - 1] == 0x09 || b[e - 1] == 0x0D { e -= 1 }
            return e
        }
        // Block context ends a plain scalar at a comment; flow context also at , ] }.
        var blockEnd = lineEnd, flowEnd = lineEnd
        var i = start
        while i < lineEnd {
            let c = b[i]
            if c == UInt8(ascii: "#"), i > start, b[i - 1] == 0x20 || b[i - 1] == 0x09 { blockEnd = min(blockEnd, i); flowEnd = min(flowEnd, i); break }
            if flowEnd == lineEnd, c == UInt8(ascii: ",") || c == UInt8(ascii: "]") || c == UInt8(ascii: "}") { flowEnd = i }
            i += 1
        }
        let candidates = [trimmedEnd(blockEnd), trimmedEnd(flowEnd)]
        guard let value = node.string else {
            // The token's text is not the value (0x10 is 16): take the shorter candidate that
            // holds no spaces, as numbers, booleans and null never do.
            let end = candidates.min()!
            guard !b[start..<end].contains(0x20) else { return nil }
            return .init(style: .plain, range: SourceRange(start: start, end: end), blockIndent: 0)
        }
        let want = Array(value.utf8)
        for end in candidates where Array(b[start..<end]) == want {
            return .init(style: .plain, range: SourceRange(start: start, end: end), blockIndent: 0)
        }
        // Multi-line: fold following lines (a line break becomes a space, an empty line a newline).
        var folded = Array(b[start..<candidates[0]])
        var pendingBreaks = 0
        var lineStart = lineEnd + 1
        while lineStart < b.count, folded.count <= want.count {
            let end = b[lineStart...].firstIndex(of: 0x0A) ?? b.count
            var s = lineStart
            while s < end, b[s] == 0x20 || b[s] == 0x09 { s += 1 }
            let e = trimmedEnd(end)
            if s >= e { pendingBreaks += 1 } else {
                if b[s] == UInt8(ascii: "#") { return nil }
                folded += pendingBreaks == 0 ? [0x20] : Array(repeating: 0x0A, count: pendingBreaks)
                pendingBreaks = 0
                folded += b[s..<e]
                if folded == want { return .init(style: .plain, range: SourceRange(start: start, end: e), blockIndent: 0) }
            }
            lineStart = end + 1
        }
        return nil
    }

    /// A literal or folded block scalar: the header line and every following line that is
    /// empty or indented deeper than the line the header is on, up to the last non-empty one.
    private static func block(_ b: [UInt8], _ start: Int) -> YAMLScalarExtent? {
        var lineBegin = start
        while lineBegin > 0, b[lineBegin - 1] != 0x0A { lineBegin -= 1 }
        var parentIndent = 0
        while lineBegin + parentIndent < start, b[lineBegin + parentIndent] == 0x20 { parentIndent += 1 }
        let headerEnd = b[start...].firstIndex(of: 0x0A) ?? b.count
        // An explicit indentation indicator (|2) would need the parent's indentation rules.
        if b[start..<headerEnd].contains(where: { $0 >= UInt8(ascii: "1") && $0 <= UInt8(ascii: "9") }) { return nil }
        var end = headerEnd
        var indent = 0
        var lineStart = headerEnd + 1
        while lineStart < b.count {
            let lineEnd = b[lineStart...].firstIndex(of: 0x0A) ?? b.count
            var s = lineStart
            while s < lineEnd, b[s] == 0x20 { s += 1 }
            let blank = b[s..<lineEnd].allSatisfy { $0 == 0x0D || $0 == 0x09 }
            if !blank {
                let col = s - lineStart
                if indent == 0 { indent = col }
                if col <= parentIndent || col < indent { break }
                end = lineEnd > lineStart && b[lineEnd - 1] == 0x0D ? lineEnd - 1 : lineEnd
            }
            lineStart = lineEnd + 1
        }
        if indent == 0 { indent = parentIndent + 2 }
        return .init(style: b[start] == UInt8(ascii: "|") ? .literal : .folded,
                     range: SourceRange(start: start, end: end), blockIndent: indent)
    }
}
