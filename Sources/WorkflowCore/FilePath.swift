#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// The path arithmetic the state files need, as NSString did it (NSString is in
/// swift-corelibs-foundation, which the front `neurocaas-contrib` must not link).
enum FilePath {
    /// NSString.appendingPathComponent for a relative component: one "/" between the two.
    static func join(_ directory: String, _ component: String) -> String {
        if directory.isEmpty { return component }
        return directory.hasSuffix("/") ? directory + component : directory + "/" + component
    }

    /// NSString.lastPathComponent: the last non-empty component, "/" for "/", "" for "".
    static func lastComponent(_ path: String) -> String {
        let parts = path.split(separator: "/")
        if let last = parts.last { return String(last) }
        return path.isEmpty ? "" : "/"
    }

    static func isDirectory(_ path: String) -> Bool {
        var isDir = false  // FoundationEssentials's Bool (Foundation's ObjCBool on Linux)
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir
    }

    /// The whole file, or nil when it cannot be opened or read (a folder, say), as
    /// FileManager.contents(atPath:) answers; open/read directly skip FileManager's and Data's
    /// set-up (~60k instructions), a sixth of what a getter does after start-up.
    static func contents(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16384)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n >= 0 else { return nil }
            if n == 0 { return out }
            out += chunk[..<n]
        }
    }
}
