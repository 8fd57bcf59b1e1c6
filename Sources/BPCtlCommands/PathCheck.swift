import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Path-valued flags and arguments are checked before anything runs: a path that names nothing
/// usable is a usage error (exit 2) that names the flag, with the subcommand's usage.
public enum PathCheck {
    public enum Kind { case file, directory, any }

    public static func require(_ path: String, flag: String, is kind: Kind) throws {
        let shown = String(reflecting: path) // quoted, control characters escaped
        var isDir = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            throw ValidationError("\(flag) \(shown): no such \(kind == .directory ? "directory" : "file or directory")")
        }
        switch kind {
        case .directory where !isDir:
            throw ValidationError("\(flag) \(shown): not a directory")
        case .file where isDir:
            throw ValidationError("\(flag) \(shown): is a directory, not a file")
        default: break
        }
        if !FileManager.default.isReadableFile(atPath: path) {
            throw ValidationError("\(flag) \(shown): permission denied")
        }
    }
}
