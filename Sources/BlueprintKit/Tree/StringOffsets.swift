/// Maps an offset inside a decoded string value back to its byte in the source, so a finding
/// about one `{}` of COMMAND points at that placeholder, escapes (`\"`) included.
public enum StringOffsets {
    public static func sourceRange(of node: Node, decoded: Range<Int>, in source: SourceFile) -> SourceRange {
        SourceRange(start: sourceOffset(of: node, decoded: decoded.lowerBound, in: source),
                    end: sourceOffset(of: node, decoded: decoded.upperBound, in: source))
    }

    public static func sourceOffset(of node: Node, decoded target: Int, in source: SourceFile) -> Int {
        let b = source.bytes
        let start = node.range.start
        guard start < b.count else { return start }
        let quote = b[start]
        guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else {
            return min(start + target, node.range.end) // YAML plain scalar: bytes are the value
        }
        var raw = start + 1
        var decoded = 0
        let jsonStyle = quote == UInt8(ascii: "\"")
        while decoded < target, raw < b.count {
            if jsonStyle, b[raw] == UInt8(ascii: "\\"), raw + 1 < b.count {
                if b[raw + 1] == UInt8(ascii: "u"), raw + 5 < b.count {
                    let hex = String(decoding: b[(raw + 2)..<(raw + 6)], as: UTF8.self)
                    let v = UInt32(hex, radix: 16) ?? 0
                    if (0xD800...0xDBFF).contains(v) { raw += 12; decoded += 4 } else {
                        raw += 6
                        decoded += v < 0x80 ? 1 : (v < 0x800 ? 2 : 3)
                    }
                } else {
                    raw += 2
                    decoded += 1
                }
            } else {
                raw += 1
                decoded += 1
            }
        }
        return raw
    }
}
