/// Output bytes built by appending: the renderers write one buffer that the CLI writes with one
/// call. String interpolation and `+=` of ~100 kB of findings cost ~25 instructions a byte
/// (8 M for the 24 shared blueprints); appending UTF-8 runs and digits to a byte array costs a
/// few.
public struct OutputBuffer: Sendable {
    public var bytes: [UInt8] = []

    public init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    @inline(__always) mutating func byte(_ b: UInt8) { bytes.append(b) }

    mutating func write(_ s: String) {
        var s = s
        s.withUTF8 { bytes.append(contentsOf: $0) }
    }

    mutating func write(_ s: Substring) {
        var s = s
        s.withUTF8 { bytes.append(contentsOf: $0) }
    }

    mutating func write(_ b: ArraySlice<UInt8>) { bytes.append(contentsOf: b) }

    /// An integer in decimal, as `String(n)` writes it.
    mutating func write(_ n: Int) {
        if n < 0 { byte(UInt8(ascii: "-")) }
        var v = n.magnitude
        var scratch: (UInt64, UInt64, UInt64) = (0, 0, 0) // 24 bytes: room for the 20 digits of UInt64.max
        withUnsafeMutableBytes(of: &scratch) { raw in
            var i = raw.count
            repeat {
                i -= 1
                raw[i] = UInt8(ascii: "0") + UInt8(v % 10)
                v /= 10
            } while v > 0
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: raw[i...]))
        }
    }

    /// `n` copies of one ASCII byte (none for n <= 0).
    mutating func repeated(_ b: UInt8, _ n: Int) {
        guard n > 0 else { return }
        // Filled on the stack and appended as one run: a `repeatElement` collection went through
        // its generic iterator, and byte-by-byte appends cost ~200 instructions a caret line.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: n) { run in
            run.initialize(repeating: b)
            bytes.append(contentsOf: UnsafeBufferPointer(run))
        }
    }

    /// A literal's bytes straight from the binary (no String to open, no retain).
    @inline(__always) mutating func literal(_ s: StaticString) {
        s.withUTF8Buffer { bytes.append(contentsOf: $0) } // also for a one-scalar literal ("…")
    }

    public var string: String { String(decoding: bytes, as: UTF8.self) }
}
