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
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(ReadError(code: errno))
            }
            if n == 0 { return .success(out) }
            out.append(contentsOf: chunk[..<n])
        }
    }

    public struct ReadError: Error, CustomStringConvertible {
        public let code: Int32
        public var description: String { String(cString: strerror(code)) }
    }
}
