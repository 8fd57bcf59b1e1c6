/// Maps an offset inside a decoded string value back to its byte in the source, so a finding
/// about one `{}` of COMMAND points at that placeholder, escapes (`\"`) included.
public enum StringOffsets {
    public static func sourceRange(of node: Node, decoded: Range<Int>, in source: SourceFile) -> SourceRange {
        var c = Cursor(node, source)
        return c.range(decoded)
    }

    public static func sourceOffset(of node: Node, decoded target: Int, in source: SourceFile) -> Int {
        var c = Cursor(node, source)
        return c.offset(target)
    }

    /// Walks a string's source once for offsets asked in increasing order (many findings in one
    /// long COMMAND stay linear); an earlier offset restarts from the opening quote.
    public struct Cursor {
        private let b: [UInt8]
        private let start: Int
        private let end: Int
        private var raw: Int
        private var decoded = 0

        public init(_ node: Node, _ source: SourceFile) {
            b = source.bytes
            start = node.range.start
            end = node.range.end
            raw = start + 1
        }

        public mutating func range(_ decoded: Range<Int>) -> SourceRange {
            let lo = offset(decoded.lowerBound)
            return SourceRange(start: lo, end: offset(decoded.upperBound))
        }

        public mutating func offset(_ target: Int) -> Int {
            guard start < b.count else { return start }
            let quote = b[start]
            guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else {
                return min(start + target, end) // YAML plain scalar: bytes are the value
            }
            if target < decoded { raw = start + 1; decoded = 0 }
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
}
