#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
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
}
