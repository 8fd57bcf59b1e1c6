import CZlib
import Foundation

/// `scripting parse-zip`: a dataset zip must hold exactly one top-level entry (ignoring
/// `__MACOSX`); it is extracted next to the zip (or into `-o`) and its name printed. A small
/// reader of the central directory with stored and deflate entries, streamed to disk; ZIP64 and
/// encrypted archives are refused with a message.
public enum ZipArchive {
    struct Entry {
        let name: String
        let nameLength: Int
        let method: UInt16
        let compressedSize: Int
        let size: Int
        let localHeaderOffset: Int
        let flags: UInt16
    }

    /// How much a dataset zip may expand to. A zip bomb (1 MB → 1 GiB, or overlapping entries
    /// that reuse one compressed stream) is refused before anything is written.
    public struct Limits: Sendable {
        /// Total uncompressed bytes (default 64 GiB: large datasets fit, a runaway zip does not).
        public var maxBytes: Int
        /// Total uncompressed bytes divided by the zip's size (deflate's best is about 1,030:1),
        /// checked once the total passes `ratioFloor`: a small zip of repetitive text is harmless.
        public var maxRatio: Int
        public static let ratioFloor = 64 << 20
        public init(maxBytes: Int = 64 << 30, maxRatio: Int = 100) {
            self.maxBytes = maxBytes
            self.maxRatio = maxRatio
        }
    }

    /// Why `zip` cannot be an input, or nil: it must be an existing regular file and `outDir`
    /// (when given) an existing folder. Checked without opening, so a FIFO never blocks.
    public static func inputProblem(zip: String, outDir: String?) -> String? {
        var st = stat()
        guard stat(zip, &st) == 0 else { return "\(zip): \(errno == ENOENT ? "no such file" : String(cString: strerror(errno)))" }
        guard (st.st_mode & S_IFMT) == S_IFREG else { return "\(zip) is \(kind(st.st_mode)), not a zip file" }
        if let outDir {
            guard stat(outDir, &st) == 0 else { return "\(outDir): no such folder" }
            guard (st.st_mode & S_IFMT) == S_IFDIR else { return "\(outDir) is not a folder" }
        }
        return nil
    }

    static func kind(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFDIR: return "a directory"
        case S_IFIFO: return "a FIFO (named pipe)"
        case S_IFSOCK: return "a socket"
        case S_IFCHR, S_IFBLK: return "a device"
        default: return "a special file"
        }
    }

    public static func extractSingleTopLevel(_ zip: String, into outDir: String? = nil, limits: Limits = Limits()) throws -> String {
        if let problem = inputProblem(zip: zip, outDir: outDir) { throw WorkflowError(problem) }
        guard let handle = FileHandle(forReadingAtPath: zip) else { throw WorkflowError("cannot read \(zip)") }
        defer { try? handle.close() }
        let (entries, cdOffset) = try centralDirectory(handle, zip)
        // Names by their bytes: "é" and "e" + U+0301 are two folders on disk, whatever String == says.
        let topBytes = Set(entries.map { Array(($0.name.split(separator: "/", maxSplits: 1).first ?? "").utf8) }
            .filter { !$0.isEmpty && $0 != Array("__MACOSX".utf8) })
        let tops = topBytes.map { String(decoding: $0, as: UTF8.self) }
        guard tops.count == 1, let top = tops.first else {
            throw WorkflowError("\(zip) has \(tops.count) top-level entries (\(tops.sorted().prefix(5).joined(separator: ", "))); a dataset zip must contain exactly one folder or file",
                                hint: "zip the dataset folder itself: zip -r data.zip mydataset/")
        }
        let dir = outDir ?? (zip as NSString).deletingLastPathComponent
        let base = dir.isEmpty ? "." : dir // `-z data.zip`: the current folder
        let wanted = entries.filter { !$0.name.hasPrefix("__MACOSX") }
        try checkLayout(entries, centralDirectoryAt: cdOffset, zip)
        try checkSize(wanted, zip: zip, base: base, limits: limits)
        var zipStat = stat()
        _ = stat(zip, &zipStat)
        // Every check before the first write: a refused zip leaves nothing behind.
        var plan: [(Entry, String)] = []
        for e in wanted {
            let parts = e.name.split(separator: "/", omittingEmptySubsequences: true)
            guard !parts.isEmpty, !parts.contains(".."), !parts.contains("."), !e.name.hasPrefix("/"), !e.name.contains("\\"),
                  !e.name.utf8.contains(0) else {
                throw WorkflowError("\(zip) contains an unsafe path: \(e.name)", hint: "entries must stay inside the top-level folder")
            }
            let target = (base as NSString).appendingPathComponent(parts.joined(separator: "/"))
            try checkTarget(base: base, parts: parts.map(String.init), zip: zip, zipStat: zipStat, entry: e.name)
            plan.append((e, target))
        }
        for (e, target) in plan {
            if e.name.hasSuffix("/") {
                try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
            } else {
                try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try extract(e, from: handle, to: target, zip)
            }
        }
        return top
    }

    /// Local entries must not overlap one another or the central directory: overlapping entries
    /// let a 100 KB zip expand one compressed stream many times over.
    static func checkLayout(_ entries: [Entry], centralDirectoryAt cdOffset: Int, _ zip: String) throws {
        let sorted = entries.sorted { $0.localHeaderOffset < $1.localHeaderOffset }
        for (i, e) in sorted.enumerated() {
            let end = e.localHeaderOffset + 30 + e.nameLength + e.compressedSize
            let next = i + 1 < sorted.count ? sorted[i + 1].localHeaderOffset : cdOffset
            guard end <= next else {
                throw WorkflowError("\(zip) has overlapping entries (\(e.name)); refusing a zip built to expand one stream many times",
                                    hint: "re-create the zip with a standard tool: zip -r data.zip mydataset/")
            }
        }
    }

    /// Total size against the limits and the free space of the destination.
    static func checkSize(_ entries: [Entry], zip: String, base: String, limits: Limits) throws {
        let total = entries.reduce(0) { $0 + $1.size }
        var st = stat()
        let zipSize = stat(zip, &st) == 0 ? max(Int(st.st_size), 1) : 1
        if total > limits.maxBytes {
            throw WorkflowError("\(zip) would extract \(total) bytes, more than the limit of \(limits.maxBytes)",
                                hint: "raise it with --max-bytes if the dataset is really this large")
        }
        if total > Limits.ratioFloor, total / zipSize > limits.maxRatio {
            throw WorkflowError("\(zip) would expand \(total / zipSize):1 (\(total) bytes from \(zipSize)), more than the limit of \(limits.maxRatio):1",
                                hint: "raise it with --max-ratio if the data is really this compressible")
        }
        var fs = statvfs()
        if statvfs(base, &fs) == 0 {
            let free = Int(clamping: UInt64(fs.f_bavail) &* UInt64(fs.f_frsize))
            if total > free {
                throw WorkflowError("\(zip) needs \(total) bytes but only \(free) are free in \(base)", hint: "free space or extract elsewhere with -o")
            }
        }
    }

    /// Refuses a write through a symlink (which could point outside the top-level folder) and a
    /// write over the zip itself (an entry named like the zip, extracted beside it).
    static func checkTarget(base: String, parts: [String], zip: String, zipStat: stat, entry: String) throws {
        var path = base
        for (i, part) in parts.enumerated() {
            path = (path as NSString).appendingPathComponent(part)
            var st = stat()
            guard lstat(path, &st) == 0 else { return } // nothing there yet: nothing below either
            if (st.st_mode & S_IFMT) == S_IFLNK {
                throw WorkflowError("\(path) is a symbolic link; extracting \(entry) would write through it", hint: "remove the link or extract elsewhere with -o")
            }
            if st.st_dev == zipStat.st_dev && st.st_ino == zipStat.st_ino {
                throw WorkflowError("extracting \(entry) would overwrite the zip itself (\(zip))", hint: "extract elsewhere with -o")
            }
            if i < parts.count - 1, (st.st_mode & S_IFMT) != S_IFDIR {
                throw WorkflowError("\(path) exists and is not a folder; cannot extract \(entry) under it")
            }
        }
    }

    private static func u16(_ d: Data, _ o: Int) -> UInt16 { UInt16(d[d.startIndex + o]) | UInt16(d[d.startIndex + o + 1]) << 8 }
    private static func u32(_ d: Data, _ o: Int) -> UInt32 { UInt32(u16(d, o)) | UInt32(u16(d, o + 2)) << 16 }

    static func centralDirectory(_ h: FileHandle, _ zip: String) throws -> (entries: [Entry], offset: Int) {
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
            entries.append(Entry(name: name, nameLength: nameLength, method: u16(cd, p + 10), compressedSize: Int(u32(cd, p + 20)), size: Int(u32(cd, p + 24)),
                                 localHeaderOffset: Int(u32(cd, p + 42)), flags: u16(cd, p + 8)))
            p += 46 + nameLength + extra + comment
        }
        guard cdOffset + cdSize <= size else { throw WorkflowError("\(zip) has a damaged central directory") }
        return (entries, cdOffset)
    }

    static func extract(_ e: Entry, from h: FileHandle, to target: String, _ zip: String) throws {
        guard e.flags & 1 == 0 else { throw WorkflowError("\(zip) is encrypted (\(e.name))") }
        try h.seek(toOffset: UInt64(e.localHeaderOffset))
        let header = h.readData(ofLength: 30)
        guard header.count == 30, u32(header, 0) == 0x0403_4B50 else { throw WorkflowError("\(zip) has a damaged entry: \(e.name)") }
        try h.seek(toOffset: UInt64(e.localHeaderOffset + 30 + Int(u16(header, 26)) + Int(u16(header, 28))))
        // Written beside the target and renamed into place: a failure leaves no half file, and
        // O_NOFOLLOW|O_EXCL never writes through a link planted meanwhile.
        let temp = target + ".parse-zip-\(getpid())"
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o644)
        guard fd >= 0 else { throw WorkflowError("cannot write \(target): \(String(cString: strerror(errno)))") }
        let out = SizeCheckedOutput(FileHandle(fileDescriptor: fd, closeOnDealloc: true), limit: e.size, entry: e.name, zip: zip)
        var done = false
        defer {
            try? out.handle.close()
            if !done { unlink(temp) }
        }
        try copy(e, from: h, to: out, zip)
        guard out.written == e.size else { throw WorkflowError("\(zip) has a damaged entry: \(e.name) holds \(out.written) bytes, not the \(e.size) its header says") }
        try out.handle.close()
        guard rename(temp, target) == 0 else { throw WorkflowError("cannot write \(target): \(String(cString: strerror(errno)))") }
        done = true
    }

    /// Output that refuses to grow past the entry's declared size (headers can lie).
    final class SizeCheckedOutput {
        let handle: FileHandle
        let limit: Int
        let entry: String
        let zip: String
        var written = 0
        init(_ handle: FileHandle, limit: Int, entry: String, zip: String) {
            self.handle = handle
            self.limit = limit
            self.entry = entry
            self.zip = zip
        }
        func write(_ d: Data) throws {
            written += d.count
            guard written <= limit else { throw WorkflowError("\(zip) has a damaged entry: \(entry) expands past the \(limit) bytes its header says") }
            try handle.write(contentsOf: d)
        }
    }

    private static func copy(_ e: Entry, from h: FileHandle, to out: SizeCheckedOutput, _ zip: String) throws {
        var remaining = e.compressedSize
        switch e.method {
        case 0:
            while remaining > 0 {
                let chunk = h.readData(ofLength: min(remaining, 1 << 20))
                if chunk.isEmpty { break }
                try out.write(chunk)
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
                            try out.write(Data(outBuf[0..<(outBuf.count - Int(stream.avail_out))]))
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
