#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import PlatformSupport

/// Whole-file writes that never leave a half-written file: the bytes go to a temporary file in
/// the same directory (so the rename stays on one file system), are flushed, given the old
/// file's permission bits, and renamed over the target in one step.
public enum AtomicFile {
    public static func write(_ bytes: [UInt8], to path: String) throws {
        let directory = PathText.deletingLastComponent(path)
        let name = PathText.lastComponent(path)
        var template = Array(((directory.isEmpty ? "." : directory) + "/." + name + ".bpctl-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw AtomicWriteError(path: path, reason: String(cString: strerror(errno))) }
        let temp = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var ok = false
        defer {
            if !ok { unlink(temp) }
        }
        var st = stat()
        // A new file gets 0644 less the umask, as an editor would create it; mkstemp made 0600.
        let mode: mode_t
        if stat(path, &st) == 0 {
            mode = st.st_mode & 0o7777
        } else {
            let mask = umask(0)
            umask(mask)
            mode = 0o666 & ~mask
        }
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { systemWrite(fd, $0.baseAddress! + written, bytes.count - written) }
            if n < 0 {
                if errno == EINTR { continue }
                let reason = String(cString: strerror(errno))
                close(fd)
                throw AtomicWriteError(path: path, reason: reason)
            }
            written += n
        }
        guard fchmod(fd, mode) == 0, fsync(fd) == 0 else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw AtomicWriteError(path: path, reason: reason)
        }
        close(fd)
        guard rename(temp, path) == 0 else { throw AtomicWriteError(path: path, reason: String(cString: strerror(errno))) }
        ok = true
    }

    public static func write(_ text: String, to path: String) throws {
        try write(Array(text.utf8), to: path)
    }
}

#if canImport(Glibc)
import Glibc
private let systemWrite = Glibc.write
#else
import Darwin
private let systemWrite = Darwin.write
#endif

public struct AtomicWriteError: Error, CustomStringConvertible, Sendable {
    public let path: String
    public let reason: String
    public var description: String { "cannot write \(path): \(reason); the file was left as it was" }
}
