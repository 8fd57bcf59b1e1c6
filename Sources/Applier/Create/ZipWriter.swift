import CZlib
import Foundation

/// A minimal zip writer for Lambda code packages: deflated entries, fixed timestamps and
/// sorted names, so the same directory always gives the same bytes (the artifact key is the
/// archive's sha256 and a resumed apply uploads nothing new).
public enum ZipWriter {
    public struct Entry: Sendable {
        public let name: String
        public let data: [UInt8]
        public init(name: String, data: [UInt8]) { self.name = name; self.data = data }
    }

    /// Every regular file under `directory` (hidden files and `__pycache__` left out), by
    /// relative path.
    public static func entries(directory: String) throws -> [Entry] {
        let root = URL(fileURLWithPath: directory).standardizedFileURL
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDir), isDir.boolValue else {
            throw ApplyError("CodeUri directory \(directory) does not exist", hint: "CodeUri is resolved relative to the blueprint's directory")
        }
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey],
                                                          options: [.skipsHiddenFiles]) else { return [] }
        var out: [Entry] = []
        for case let url as URL in walker {
            if url.lastPathComponent == "__pycache__" { walker.skipDescendants(); continue }
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let relative = String(url.standardizedFileURL.path.dropFirst(root.path.count + 1))
            guard let data = FileManager.default.contents(atPath: url.path) else { throw ApplyError("cannot read \(url.path)") }
            out.append(Entry(name: relative, data: [UInt8](data)))
        }
        return out.sorted { $0.name < $1.name }
    }

    public static func archive(_ entries: [Entry]) throws -> [UInt8] {
        var out: [UInt8] = [], central: [UInt8] = []
        // 1980-01-01 00:00, the earliest DOS date: fixed so archives are reproducible.
        let dosTime: UInt16 = 0, dosDate: UInt16 = (0 << 9) | (1 << 5) | 1
        for e in entries {
            let name = Array(e.name.utf8)
            let crc = UInt32(e.data.withUnsafeBufferPointer { crc32(0, $0.baseAddress, uInt($0.count)) })
            let deflated = try deflate(e.data)
            let useDeflate = deflated.count < e.data.count
            let body = useDeflate ? deflated : e.data
            let method: UInt16 = useDeflate ? 8 : 0
            let offset = UInt32(out.count)
            var local: [UInt8] = []
            local.le32(0x0403_4b50); local.le16(20); local.le16(0x0800); local.le16(method); local.le16(dosTime); local.le16(dosDate)
            local.le32(crc); local.le32(UInt32(body.count)); local.le32(UInt32(e.data.count)); local.le16(UInt16(name.count)); local.le16(0)
            out += local + name + body
            central.le32(0x0201_4b50); central.le16(0x0314); central.le16(20); central.le16(0x0800); central.le16(method)
            central.le16(dosTime); central.le16(dosDate); central.le32(crc); central.le32(UInt32(body.count)); central.le32(UInt32(e.data.count))
            central.le16(UInt16(name.count)); central.le16(0); central.le16(0); central.le16(0); central.le16(0)
            central.le32(UInt32(0o100644) << 16) // regular file, rw-r--r--
            central.le32(offset)
            central += name
        }
        let centralOffset = UInt32(out.count)
        out += central
        out.le32(0x0605_4b50); out.le16(0); out.le16(0); out.le16(UInt16(entries.count)); out.le16(UInt16(entries.count))
        out.le32(UInt32(central.count)); out.le32(centralOffset); out.le16(0)
        return out
    }

    /// Raw deflate (no zlib header), as zip stores it.
    static func deflate(_ input: [UInt8]) throws -> [UInt8] {
        var stream = z_stream()
        guard deflateInit2_(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY,
                            ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { throw ApplyError("zlib: deflateInit2 failed") }
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(input.count))) + 16)
        var input = input
        let status = input.withUnsafeMutableBufferPointer { inp in
            output.withUnsafeMutableBufferPointer { outp -> Int32 in
                stream.next_in = inp.baseAddress
                stream.avail_in = uInt(inp.count)
                stream.next_out = outp.baseAddress
                stream.avail_out = uInt(outp.count)
                return CZlib.deflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { throw ApplyError("zlib: deflate failed (\(status))") }
        return Array(output.prefix(Int(stream.total_out)))
    }
}

private extension Array where Element == UInt8 {
    mutating func le16(_ v: UInt16) { append(UInt8(v & 0xff)); append(UInt8(v >> 8)) }
    mutating func le32(_ v: UInt32) { for i in 0..<4 { append(UInt8((v >> (8 * UInt32(i))) & 0xff)) } }
}
