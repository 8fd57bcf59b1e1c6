#if canImport(Glibc)
import Glibc
#endif

/// Whole writes to and reads from a file descriptor with write(2)/read(2), retrying short
/// transfers and EINTR: FileHandle lives in swift-corelibs-foundation (see Lock.swift for why the
/// fronts do without it).
public enum DescriptorIO {
    /// Writes all of `text`; stops silently at an error (a closed pipe), as FileHandle's callers
    /// in bpctl never reported one either.
    public static func write(_ fd: Int32, _ text: String) {
        var text = text
        text.withUTF8 { write(fd, UnsafeRawBufferPointer($0)) }
    }

    public static func write(_ fd: Int32, bytes: [UInt8]) {
        bytes.withUnsafeBytes { write(fd, $0) }
    }

    public static func write(_ fd: Int32, _ raw: UnsafeRawBufferPointer) {
        guard let base = raw.baseAddress else { return }
        var done = 0
        while done < raw.count {
            let n = Glibc.write(fd, base + done, raw.count - done)
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return }
            done += n
        }
    }

    /// Everything up to end of file, or the errno of the read that failed.
    public static func readAll(_ fd: Int32) -> Result<[UInt8], ReadError> {
        var out: [UInt8] = []
        let code = read(fd, appendingTo: &out)
        return code == 0 ? .success(out) : .failure(ReadError(code: code))
    }

    /// The whole file at `path`, or nil when it cannot be opened or read (a folder, say), as
    /// FileManager.contents(atPath:) answers, without FileManager's and Data's set-up. No
    /// `Result` here: the getters call it on every start, and its generic metadata is looked up
    /// by name the first time.
    public static func contents(ofFile path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var out: [UInt8] = []
        return read(fd, appendingTo: &out) == 0 ? out : nil
    }

    /// Appends everything up to end of file to `out`: 0, or the errno of the read that failed.
    /// Each read goes into uninitialised storage (no zeroed buffer to copy from), so a small file
    /// costs one read and one array.
    private static func read(_ fd: Int32, appendingTo out: inout [UInt8]) -> Int32 {
        var capacity = 16384
        while true {
            var failure: Int32 = 0
            let chunk = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
                var n: Int
                repeat { n = Glibc.read(fd, buffer.baseAddress, buffer.count) } while n < 0 && errno == EINTR
                if n < 0 { failure = errno }
                count = max(n, 0)
            }
            if failure != 0 { return failure }
            if chunk.isEmpty { return 0 }
            if out.isEmpty { out = chunk } else { out += chunk }
            capacity = min(capacity * 2, 1 << 20)
        }
    }

    public struct ReadError: Error, CustomStringConvertible {
        public let code: Int32
        public var description: String { String(cString: strerror(code)) }
    }
}
