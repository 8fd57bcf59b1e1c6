#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// NSString's `standardizingPath` as swift-corelibs-foundation computes it, step for step, without
/// NSString (see Lock.swift for why): `~` expanded, then components resolved left to right, each
/// prefix that is a symbolic link replaced by realpath(3) of its target (as corelibs does, a
/// relative target is resolved against the working directory), `..` removed only from absolute
/// paths, and a leading "/private" or "/var/automount" dropped when what remains exists.
/// `bpctl validate` uses it to validate a file named twice only once.
extension PathText {
    public static func standardizing(_ path: String) -> String {
        var resolved = resolvingSymlinks(expandingTilde(path))
        resolved = removingPrefix("/var/automount", from: resolved) ?? resolved
        return resolved
    }

    /// `expandingTildeInPath`: "~" or "~user" up to the first "/" becomes the home directory.
    static func expandingTilde(_ path: String) -> String {
        guard path.hasPrefix("~") else { return path }
        let endOfUserName = path.firstIndex(of: "/") ?? path.endIndex
        let userName = String(path[path.index(after: path.startIndex)..<endOfUserName])
        let home = userName.isEmpty ? FileManager.default.homeDirectoryForCurrentUser.path
                                    : FileManager.default.homeDirectory(forUser: userName)?.path
        guard let home else { return strippingTrailingSlash(path) }
        var result = path
        result.replaceSubrange(path.startIndex..<endOfUserName, with: home)
        return strippingTrailingSlash(result)
    }

    /// `resolvingSymlinksInPath`.
    static func resolvingSymlinks(_ path: String) -> String {
        var parts = components(path)
        guard !parts.isEmpty else { return path }
        if parts.last == "/" && parts.count > 1 { parts.removeLast() }
        let absolute = path.hasPrefix("~") || path.hasPrefix("/")
        var resolved = parts.removeFirst()
        for part in parts {
            switch part {
            case "", ".":
                break
            case ".." where absolute:
                resolved = deletingLastComponent(resolved)
            default:
                resolved = appending(resolved, part)
                if let destination = trailingSymlinkDestination(resolved) { resolved = destination }
            }
        }
        return removingPrefix("/private", from: resolved) ?? resolved
    }

    /// `pathComponents`: "/" first for an absolute path, the names between slashes, and "/" last
    /// when the path ends with one.
    static func components(_ path: String) -> [String] {
        var result: [String] = []
        guard !path.isEmpty else { return result }
        var i = path.startIndex
        let end = path.endIndex
        if path[i] == "/" { result.append("/") }
        while i < end {
            while i < end && path[i] == "/" { i = path.index(after: i) }
            if i == end { break }
            var j = i
            while j < end && path[j] != "/" { j = path.index(after: j) }
            result.append(String(path[i..<j]))
            i = j
        }
        if path.utf16.count > 1 && path.hasSuffix("/") { result.append("/") }
        return result
    }

    /// corelibs' `_tryToResolveTrailingSymlinkInPath` on Linux: nil unless `path` is a symbolic
    /// link whose target realpath(3) resolves.
    static func trailingSymlinkDestination(_ path: String) -> String? {
        guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: path) else { return nil }
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard !target.isEmpty, let real = realpath(target, &buffer) else { return nil }
        let destination = String(cString: real)
        return destination.hasPrefix("/") ? destination : appending(deletingLastComponent(path), destination)
    }

    /// `_tryToRemovePathPrefix`: the path without `prefix` when it has it and what remains exists.
    static func removingPrefix(_ prefix: String, from path: String) -> String? {
        guard path != prefix else { return nil }
        var rest = path
        if path.hasPrefix(prefix) { rest.removeSubrange(path.startIndex..<prefix.endIndex) }
        return FileManager.default.fileExists(atPath: rest) ? rest : nil
    }

    /// `_stringByFixingSlashes(compress: false, stripTrailing: true)`.
    static func strippingTrailingSlash(_ path: String) -> String {
        guard path.utf16.count > 1, path.hasSuffix("/") else { return path }
        var path = path
        path.removeLast()
        return path
    }
}
