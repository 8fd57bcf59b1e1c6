#if canImport(Glibc)
import Glibc
#endif

/// The bytes of one input file plus a line table, so byte offsets become line:column on demand.
/// Positions are stored as byte offsets everywhere; line and column are computed only when a
/// diagnostic is shown, which keeps parsing cheap.
public final class SourceFile: Sendable {
    public let path: String
    public let bytes: [UInt8]
    /// Byte offset at which each line starts (line 1 starts at 0).
    private let lineStarts: [Int]
    /// Only for files with a line longer than `longLine` bytes (minified or hostile JSON): the
    /// number of scalars before every multiple of the stride, so a column costs at most one stride
    /// of scanning instead of the whole line (thousands of findings on one line stay linear).
    private let scalarCheckpoints: [Int]
    static let checkpointStride = 256
    static let longLine = 4096

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
        var starts = [0]
        starts.reserveCapacity(bytes.count / 32 + 1)
        // memchr finds the line breaks (a byte loop was 0.3 M instructions for the shared blueprints).
        bytes.withUnsafeBufferPointer { u in
            guard let base = u.baseAddress else { return }
            var i = 0
            while i < u.count, let hit = memchr(base + i, 0x0A, u.count - i) {
                let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                starts.append(at + 1)
                i = at + 1
            }
        }
        lineStarts = starts
        var longest = bytes.count - starts[starts.count - 1]
        for k in 1..<starts.count { longest = max(longest, starts[k] - starts[k - 1]) }
        var checkpoints: [Int] = []
        if longest > Self.longLine {
            checkpoints.reserveCapacity(bytes.count / Self.checkpointStride + 1)
            var scalars = 0
            for (i, b) in bytes.enumerated() {
                if i % Self.checkpointStride == 0 { checkpoints.append(scalars) }
                if b & 0xC0 != 0x80 { scalars += 1 }
            }
            if bytes.count % Self.checkpointStride == 0 { checkpoints.append(scalars) }
        }
        scalarCheckpoints = checkpoints
    }

    /// Unicode scalars that start in bytes[0..<offset].
    private func scalars(before offset: Int) -> Int {
        let k = offset / Self.checkpointStride
        var n = scalarCheckpoints[k]
        for i in (k * Self.checkpointStride)..<offset where bytes[i] & 0xC0 != 0x80 { n += 1 }
        return n
    }

    public convenience init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }

    public var lineCount: Int { lineStarts.count }

    /// 1-based line and column of a byte offset. Columns count Unicode scalars, as editors and
    /// libyaml do, so a caret lines up under non-ASCII text.
    public func location(of offset: Int) -> SourceLocation {
        let clamped = max(0, min(offset, bytes.count))
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= clamped { lo = mid } else { hi = mid - 1 }
        }
        let start = lineStarts[lo]
        if !scalarCheckpoints.isEmpty && clamped - start > Self.checkpointStride {
            return SourceLocation(offset: clamped, line: lo + 1, column: 1 + scalars(before: clamped) - scalars(before: start))
        }
        return SourceLocation(offset: clamped, line: lo + 1, column: 1 + Self.scalarStarts(bytes, start, clamped))
    }

    /// Bytes of `bytes[from..<to]` that start a scalar (not UTF-8 continuation bytes, 10xxxxxx),
    /// eight at a time: a finding's column cost a bounds-checked loop over its line's bytes.
    static func scalarStarts(_ bytes: [UInt8], _ from: Int, _ to: Int) -> Int {
        bytes.withUnsafeBufferPointer { b in
            var n = 0, i = from
            while i + 8 <= to {
                let w = UnsafeRawPointer(b.baseAddress! + i).loadUnaligned(as: UInt64.self)
                // High bit set and next bit clear, per byte.
                let continuation = w & ~(w << 1) & 0x8080_8080_8080_8080
                n += 8 - continuation.nonzeroBitCount
                i += 8
            }
            while i < to {
                if b[i] & 0xC0 != 0x80 { n += 1 }
                i += 1
            }
            return n
        }
    }

    /// Byte offset of a 1-based line and scalar column (used to map YAML marks back to offsets).
    public func offset(line: Int, column: Int) -> Int {
        guard line >= 1, line <= lineStarts.count else { return bytes.count }
        var i = lineStarts[line - 1]
        var col = 1
        while col < column, i < bytes.count, bytes[i] != 0x0A {
            i += 1
            while i < bytes.count, bytes[i] & 0xC0 == 0x80 { i += 1 }
            col += 1
        }
        return i
    }

    /// At most `width` bytes of a line around `offset` (on that line), cut at scalar boundaries
    /// with "…" where text was left out, and the 1-based column of `offset` in the result.
    /// Rendering a finding on a 200 KB line then costs the window, not the line.
    public func excerpt(line: Int, around offset: Int, width: Int = 160) -> (text: String, column: Int) {
        guard line >= 1, line <= lineStarts.count else { return ("", 1) }
        let w = excerptWindow(line: line, around: offset, width: width)
        let text = (w.cutBefore ? "…" : "") + String(decoding: bytes[w.lo..<w.hi], as: UTF8.self) + (w.cutAfter ? "…" : "")
        return (text, w.column)
    }

    /// The bytes `excerpt` shows (`lo..<hi`), whether "…" goes before and after them, and the
    /// column of `offset` in the shown text; for renderers that copy the bytes directly.
    public func excerptWindow(line: Int, around offset: Int, width: Int = 160)
        -> (lo: Int, hi: Int, cutBefore: Bool, cutAfter: Bool, column: Int) {
        guard line >= 1, line <= lineStarts.count else { return (0, 0, false, false, 1) }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
        if end > start, bytes[end - 1] == 0x0D { end -= 1 }
        let at = max(start, min(offset, end))
        var lo = start, hi = end
        if end - start > width {
            lo = max(start, at - width / 4)
            while lo > start, bytes[lo] & 0xC0 == 0x80 { lo -= 1 }
            hi = min(end, lo + width)
            while hi < end, bytes[hi] & 0xC0 == 0x80 { hi -= 1 }
        }
        var column = lo > start ? 2 : 1
        for i in lo..<at where bytes[i] & 0xC0 != 0x80 { column += 1 }
        return (lo, hi, lo > start, hi < end, column)
    }

    /// The text of a 1-based line without its line terminator.
    public func lineText(_ line: Int) -> String {
        guard line >= 1, line <= lineStarts.count else { return "" }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
        if end > start, end - 1 < bytes.count, end - 1 >= start, bytes[end - 1] == 0x0D { end -= 1 }
        return String(decoding: bytes[start..<max(start, end)], as: UTF8.self)
    }
}

/// A resolved position: byte offset plus 1-based line and column.
public struct SourceLocation: Sendable, Equatable, CustomStringConvertible {
    public let offset: Int
    public let line: Int
    public let column: Int
    public var description: String { "\(line):\(column)" }
}

/// A half-open byte range `[start, end)` in a source file.
public struct SourceRange: Sendable, Equatable {
    public var start: Int
    public var end: Int
    public init(start: Int, end: Int) {
        self.start = start
        self.end = max(start, end)
    }
    public static func at(_ offset: Int) -> SourceRange { SourceRange(start: offset, end: offset) }
}
