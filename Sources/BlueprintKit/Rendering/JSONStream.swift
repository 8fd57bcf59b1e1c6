/// Writes pretty JSON straight into an OutputBuffer, in exactly the layout of
/// `JSONOut.serialized()` (two-space indent, `"key": value`, `[]`/`{}` when empty), without
/// building a JSONOut tree first: the tree of ~260 findings cost more to build and free than
/// to write (`--format json` was 3.6 M instructions above text for the shared blueprints).
struct JSONStream {
    var out: OutputBuffer
    private var depth = 0
    /// No item written yet in the innermost open container.
    private var first = true

    init(capacity: Int) { out = OutputBuffer(capacity: capacity) }

    private mutating func item() {
        if !first { out.byte(UInt8(ascii: ",")) }
        first = false
        newline(depth)
    }

    private mutating func newline(_ indent: Int) {
        out.byte(0x0A)
        out.repeated(0x20, indent * 2)
    }

    /// `"key": ` of the next member of an object.
    mutating func key(_ k: String) {
        item()
        JSONStream.escape(k, into: &out)
        out.write(": ")
    }

    /// Before the next element of an array.
    mutating func element() { item() }

    mutating func beginObject() { open(UInt8(ascii: "{")) }
    mutating func endObject() { close(UInt8(ascii: "}")) }
    mutating func beginArray() { open(UInt8(ascii: "[")) }
    mutating func endArray() { close(UInt8(ascii: "]")) }

    private mutating func open(_ b: UInt8) {
        out.byte(b)
        depth += 1
        first = true
    }

    private mutating func close(_ b: UInt8) {
        depth -= 1
        if !first { newline(depth) } // an empty container stays `{}` / `[]`
        out.byte(b)
        first = false
    }

    mutating func string(_ s: String) { JSONStream.escape(s, into: &out) }
    mutating func int(_ i: Int) { out.write(i) }
    mutating func optional(_ s: String?) { if let s { string(s) } else { out.write("null") } }

    mutating func field(_ k: String, _ s: String) { key(k); string(s) }
    mutating func field(_ k: String, _ i: Int) { key(k); int(i) }
    mutating func field(_ k: String, optional s: String?) { key(k); optional(s) }

    /// JSONOut.escape's output (UTF-8 kept; `"`, `\`, and controls escaped), copying the runs
    /// between escapes instead of appending byte by byte.
    static func escape(_ s: String, into out: inout OutputBuffer) {
        out.byte(0x22)
        var s = s
        s.withUTF8 { u in
            // Most strings need no escape at all: one scan, one copy.
            guard u.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) else { return out.bytes.append(contentsOf: u) }
            var run = 0
            for i in 0..<u.count {
                let b = u[i]
                guard b < 0x20 || b == 0x22 || b == 0x5C else { continue }
                out.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: u[run..<i]))
                run = i + 1
                out.byte(0x5C)
                switch b {
                case 0x22: out.byte(0x22)
                case 0x5C: out.byte(0x5C)
                case 0x0A: out.byte(UInt8(ascii: "n"))
                case 0x0D: out.byte(UInt8(ascii: "r"))
                case 0x09: out.byte(UInt8(ascii: "t"))
                default:
                    let hex: StaticString = "0123456789abcdef"
                    out.write("u00")
                    out.byte(hex.utf8Start[Int(b >> 4)])
                    out.byte(hex.utf8Start[Int(b & 0xF)])
                }
            }
            out.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: u[run...]))
        }
        out.byte(0x22)
    }
}
