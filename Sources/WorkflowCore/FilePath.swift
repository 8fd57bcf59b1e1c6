#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Whether a path is a folder; the rest of the path arithmetic and file reading the state
/// files need is PlatformSupport's (PathText, DescriptorIO), as for the other fronts' targets.
enum FilePath {
    static func isDirectory(_ path: String) -> Bool {
        var isDir = false  // FoundationEssentials's Bool (Foundation's ObjCBool on Linux)
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir
    }
}
