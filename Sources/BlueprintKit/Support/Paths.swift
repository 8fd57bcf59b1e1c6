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

    /// A path as users should see it: relative to the working directory when under it.
    static func display(_ p: String) -> String {
        guard p.hasPrefix("/") else { return p }
        let base = normalise(cwd)
        return p.hasPrefix(base + "/") ? String(p.dropFirst(base.count + 1)) : p
    }
}
