import Foundation

/// Path arithmetic without Foundation's symlink resolution (which stats every component and
/// showed up in profiles): lexical normalisation is what suppression globs and dedup need.
enum Paths {
    static let cwd = FileManager.default.currentDirectoryPath

    static func absolute(_ p: String) -> String {
        normalise(p.hasPrefix("/") ? p : cwd + "/" + p)
    }

    /// Remove `.` and empty components and resolve `..` lexically.
    static func normalise(_ p: String) -> String {
        var parts: [Substring] = []
        for c in p.split(separator: "/", omittingEmptySubsequences: true) {
            if c == "." { continue }
            // A leading ".." of a relative path is kept (`../../protocols` from the stack directory).
            if c == ".." {
                if let last = parts.last, last != ".." { parts.removeLast() } else if !p.hasPrefix("/") { parts.append(c) }
                continue
            }
            parts.append(c)
        }
        return (p.hasPrefix("/") ? "/" : "") + parts.joined(separator: "/")
    }

    /// The folder of `p`, as NSString's `deletingLastPathComponent` gives it for the paths
    /// validation sees ("a/b/c" → "a/b", "/a" → "/", "a" → ""), without bridging to NSString
    /// (36k instructions a call, more than checking a rule).
    static func parent(_ p: String) -> String {
        var u = Array(p.utf8)
        while u.count > 1 && u.last == UInt8(ascii: "/") { u.removeLast() }
        guard let slash = u.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        var end = slash
        while end > 0 && u[end - 1] == UInt8(ascii: "/") { end -= 1 }
        return end == 0 ? "/" : String(decoding: u[..<end], as: UTF8.self)
    }

    /// `dir/name` (NSString's `appendingPathComponent` for a non-empty `dir`, without bridging).
    static func join(_ dir: String, _ name: String) -> String {
        dir.isEmpty ? name : (dir.hasSuffix("/") ? dir + name : dir + "/" + name)
    }

    /// A path as users should see it: relative to the working directory when under it.
    static func display(_ p: String) -> String {
        guard p.hasPrefix("/") else { return p }
        let base = normalise(cwd)
        return p.hasPrefix(base + "/") ? String(p.dropFirst(base.count + 1)) : p
    }
}
