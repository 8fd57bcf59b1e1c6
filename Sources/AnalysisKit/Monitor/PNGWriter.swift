/// A minimal PNG encoder for charts: 8-bit indexed colour with a small palette. The zlib stream
/// holds *stored* (uncompressed) deflate blocks, so no zlib library is linked and bpctl's
/// start-up is unchanged; a chart of a few hundred kilobytes is an acceptable price.
public struct PNGWriter {
    public let width: Int
    public let height: Int
    /// RGB triples; a pixel is an index into this list (at most 256 entries).
    public let palette: [(UInt8, UInt8, UInt8)]
    /// Row-major palette indices, width × height.
    public var pixels: [UInt8]

    public init(width: Int, height: Int, palette: [(UInt8, UInt8, UInt8)], fill: UInt8 = 0) {
        precondition(width > 0 && height > 0 && !palette.isEmpty && palette.count <= 256)
        self.width = width
        self.height = height
        self.palette = palette
        pixels = [UInt8](repeating: fill, count: width * height)
    }

    /// Fills the rectangle of columns x0...x1 and rows y0...y1, clipped to the image.
    public mutating func fill(x0: Int, y0: Int, x1: Int, y1: Int, index: UInt8) {
        let xa = max(0, min(x0, x1)), xb = min(width - 1, max(x0, x1))
        let ya = max(0, min(y0, y1)), yb = min(height - 1, max(y0, y1))
        guard xa <= xb, ya <= yb else { return }
        for y in ya...yb { for x in xa...xb { pixels[y * width + x] = index } }
    }

    public func encode() -> [UInt8] {
        var out: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        // IHDR: bit depth 8, colour type 3 (indexed), deflate, adaptive filtering, no interlace.
        chunk("IHDR", Self.be32(width) + Self.be32(height) + [8, 3, 0, 0, 0], into: &out)
        chunk("PLTE", palette.flatMap { [$0.0, $0.1, $0.2] }, into: &out)
        var raw: [UInt8] = []
        raw.reserveCapacity(height * (width + 1))
        for y in 0..<height {
            raw.append(0)  // filter type None
            raw += pixels[(y * width)..<((y + 1) * width)]
        }
        chunk("IDAT", Self.zlibStored(raw), into: &out)
        chunk("IEND", [], into: &out)
        return out
    }

    private func chunk(_ type: String, _ data: [UInt8], into out: inout [UInt8]) {
        let typed = Array(type.utf8) + data
        out += Self.be32(data.count) + typed + Self.be32(Int(Self.crc32(typed)))
    }

    /// A zlib stream (RFC 1950) of stored deflate blocks (RFC 1951 §3.2.4), at most 65535 bytes each.
    static func zlibStored(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x78, 0x01]  // deflate, 32K window, no dictionary; (0x7801 % 31 == 0)
        var i = 0
        repeat {
            let n = min(65535, data.count - i)
            out.append(i + n == data.count ? 1 : 0)  // BFINAL, BTYPE 00
            out += [UInt8(n & 0xFF), UInt8(n >> 8), UInt8(~n & 0xFF), UInt8((~n >> 8) & 0xFF)]
            out += data[i..<(i + n)]
            i += n
        } while i < data.count
        return out + be32(Int(adler32(data)))
    }

    static func adler32(_ data: [UInt8]) -> UInt32 {
        var a: UInt32 = 1, b: UInt32 = 0
        // 5552 bytes is the most that can be summed before UInt32 overflows (zlib's NMAX).
        var i = 0
        while i < data.count {
            for byte in data[i..<min(i + 5552, data.count)] { a += UInt32(byte); b += a }
            a %= 65521
            b %= 65521
            i += 5552
        }
        return b << 16 | a
    }

    private static let crcTable: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func crc32(_ data: [UInt8]) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for byte in data { c = crcTable[Int((c ^ UInt32(byte)) & 0xFF)] ^ (c >> 8) }
        return c ^ 0xFFFF_FFFF
    }

    static func be32(_ v: Int) -> [UInt8] {
        let u = UInt32(truncatingIfNeeded: v)
        return [UInt8(u >> 24), UInt8((u >> 16) & 0xFF), UInt8((u >> 8) & 0xFF), UInt8(u & 0xFF)]
    }
}
