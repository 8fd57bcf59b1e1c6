#if canImport(Glibc)
import Glibc
#endif

/// Sequential reads of one file for uploads, as FileHandle(forReadingAtPath:) gave them, on open
/// and read (FileHandle is in swift-corelibs-foundation: see PlatformSupport's Lock.swift).
final class FileReader {
    private let fd: Int32
    let path: String

    /// nil when the file cannot be opened for reading.
    init?(path: String) {
        fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        self.path = path
    }

    deinit { close(fd) }

    /// The file's size in bytes (0 when fstat fails, as the old attributesOfItem lookup answered).
    var size: Int {
        var st = stat()
        return fstat(fd, &st) == 0 ? Int(st.st_size) : 0
    }

    /// Up to `count` bytes, fewer only at the end of the file; empty at the end.
    func read(upTo count: Int) throws -> [UInt8] {
        var out = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let n = out.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + filled, count - filled) }
            if n < 0 && errno == EINTR { continue }
            guard n >= 0 else { throw AWSError.transport("cannot read \(path): \(String(cString: strerror(errno)))", endpoint: "") }
            if n == 0 { break }
            filled += n
        }
        out.removeLast(count - filled)
        return out
    }

    /// Everything from the current position to the end.
    func readToEnd() throws -> [UInt8] {
        var out: [UInt8] = []
        while true {
            let chunk = try read(upTo: 1 << 20)
            if chunk.isEmpty { return out }
            out.append(contentsOf: chunk)
        }
    }
}
