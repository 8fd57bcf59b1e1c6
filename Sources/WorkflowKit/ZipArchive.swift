import CZlib
import Foundation

/// `scripting parse-zip`: a dataset zip must hold exactly one top-level entry (ignoring
/// `__MACOSX`); it is extracted next to the zip (or into `-o`) and its name printed. A small
/// reader of the central directory with stored and deflate entries, streamed to disk; ZIP64 and
/// encrypted archives are refused with a message.
public enum ZipArchive {
    struct Entry {
        let name: String
        let method: UInt16
        let compressedSize: Int
        let size: Int
        let localHeaderOffset: Int
        let flags: UInt16
    }

    public static func extractSingleTopLevel(_ zip: String, into outDir: String? = nil) throws -> String {
        guard let handle = FileHandle(forReadingAtPath: zip) else { throw WorkflowError("cannot read \(zip)") }
        defer { try? handle.close() }
        let entries = try centralDirectory(handle, zip)
        let tops = Set(entries.map { String($0.name.split(separator: "/", maxSplits: 1).first ?? "") }.filter { !$0.isEmpty && $0 != "__MACOSX" })
        guard tops.count == 1, let top = tops.first else {
            throw WorkflowError("\(zip) has \(tops.count) top-level entries (\(tops.sorted().prefix(5).joined(separator: ", "))); a dataset zip must contain exactly one folder or file",
                                hint: "zip the dataset folder itself: zip -r data.zip mydataset/")
        }
        let base = outDir ?? (zip as NSString).deletingLastPathComponent
        for e in entries where !e.name.hasPrefix("__MACOSX") {
            let parts = e.name.split(separator: "/")
            guard !parts.contains(".."), !e.name.hasPrefix("/") else { throw WorkflowError("\(zip) contains an unsafe path: \(e.name)") }
            let target = (base as NSString).appendingPathComponent(e.name)
            if e.name.hasSuffix("/") {
                try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
            } else {
                try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try extract(e, from: handle, to: target, zip)
            }
        }
        return top
    }

    private static func u16(_ d: Data, _ o: Int) -> UInt16 { UInt16(d[d.startIndex + o]) | UInt16(d[d.startIndex + o + 1]) << 8 }
    private static func u32(_ d: Data, _ o: Int) -> UInt32 { UInt32(u16(d, o)) | UInt32(u16(d, o + 2)) << 16 }

    static func centralDirectory(_ h: FileHandle, _ zip: String) throws -> [Entry] {
        let size = Int(try h.seekToEnd())
        let tailSize = min(size, 65_557)
        try h.seek(toOffset: UInt64(size - tailSize))
        let tail = h.readData(ofLength: tailSize)
        var eocd = -1
        var i = tail.count - 22
        while i >= 0 {
            if u32(tail, i) == 0x0605_4B50 { eocd = i; break }
            i -= 1
        }
        guard eocd >= 0 else { throw WorkflowError("\(zip) is not a zip archive") }
        let count = Int(u16(tail, eocd + 10))
        let cdSize = Int(u32(tail, eocd + 12)), cdOffset = Int(u32(tail, eocd + 16))
        guard cdOffset != 0xFFFF_FFFF, count != 0xFFFF else { throw WorkflowError("\(zip) is a ZIP64 archive, which is not supported") }
        try h.seek(toOffset: UInt64(cdOffset))
        let cd = h.readData(ofLength: cdSize)
        var entries: [Entry] = []
        var p = 0
        for _ in 0..<count {
            guard p + 46 <= cd.count, u32(cd, p) == 0x0201_4B50 else { throw WorkflowError("\(zip) has a damaged central directory") }
            let nameLength = Int(u16(cd, p + 28)), extra = Int(u16(cd, p + 30)), comment = Int(u16(cd, p + 32))
            guard p + 46 + nameLength <= cd.count else { throw WorkflowError("\(zip) has a damaged central directory") }
            let name = String(decoding: cd[(cd.startIndex + p + 46)..<(cd.startIndex + p + 46 + nameLength)], as: UTF8.self)
            entries.append(Entry(name: name, method: u16(cd, p + 10), compressedSize: Int(u32(cd, p + 20)), size: Int(u32(cd, p + 24)),
                                 localHeaderOffset: Int(u32(cd, p + 42)), flags: u16(cd, p + 8)))
            p += 46 + nameLength + extra + comment
        }
        return entries
    }

    static func extract(_ e: Entry, from h: FileHandle, to target: String, _ zip: String) throws {
        guard e.flags & 1 == 0 else { throw WorkflowError("\(zip) is encrypted (\(e.name))") }
        try h.seek(toOffset: UInt64(e.localHeaderOffset))
        let header = h.readData(ofLength: 30)
        guard header.count == 30, u32(header, 0) == 0x0403_4B50 else { throw WorkflowError("\(zip) has a damaged entry: \(e.name)") }
        try h.seek(toOffset: UInt64(e.localHeaderOffset + 30 + Int(u16(header, 26)) + Int(u16(header, 28))))
        guard FileManager.default.createFile(atPath: target, contents: nil),
              let out = FileHandle(forWritingAtPath: target) else { throw WorkflowError("cannot write \(target)") }
        defer { try? out.close() }
        var remaining = e.compressedSize
        switch e.method {
        case 0:
            while remaining > 0 {
                let chunk = h.readData(ofLength: min(remaining, 1 << 20))
                if chunk.isEmpty { break }
                out.write(chunk)
                remaining -= chunk.count
            }
        case 8:
            var stream = z_stream()
            guard inflateInit2_(&stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
                throw WorkflowError("zlib could not start")
            }
            defer { inflateEnd(&stream) }
            var buffer = [UInt8](repeating: 0, count: 1 << 16)
            var status = Z_OK
            while status != Z_STREAM_END {
                var input = [UInt8](h.readData(ofLength: min(max(remaining, 0), 1 << 20)))
                remaining -= input.count
                if input.isEmpty && remaining <= 0 && status != Z_OK { break }
                try input.withUnsafeMutableBufferPointer { inBuf in
                    stream.next_in = inBuf.baseAddress
                    stream.avail_in = UInt32(inBuf.count)
                    repeat {
                        try buffer.withUnsafeMutableBufferPointer { outBuf in
                            stream.next_out = outBuf.baseAddress
                            stream.avail_out = UInt32(outBuf.count)
                            status = inflate(&stream, Z_NO_FLUSH)
                            guard status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR else {
                                throw WorkflowError("\(zip) has corrupt data in \(e.name)")
                            }
                            out.write(Data(outBuf[0..<(outBuf.count - Int(stream.avail_out))]))
                        }
                    } while stream.avail_out == 0 && status != Z_STREAM_END
                }
                if input.isEmpty && status != Z_STREAM_END { throw WorkflowError("\(zip) is truncated in \(e.name)") }
            }
        default:
            throw WorkflowError("\(zip) uses compression method \(e.method) for \(e.name); only stored and deflate are supported")
        }
    }
}
