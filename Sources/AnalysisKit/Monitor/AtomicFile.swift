import Foundation

/// Write a whole file or nothing: a temp file beside it, then rename.
public enum AtomicFile {
    public static func write(_ text: String, to path: String) throws {
        let temp = path + ".tmp-\(getpid())"
        try Data(text.utf8).write(to: URL(fileURLWithPath: temp))
        guard rename(temp, path) == 0 else {
            let why = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: temp)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: why])
        }
    }
}
