#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Path arithmetic without Foundation's symlink resolution (which stats every component and
/// showed up in profiles): lexical normalisation is what suppression globs and dedup need.
enum Paths {
    /// getcwd(3) directly: FileManager.default's set-up cost more than the call.
    static let cwd: String = {
        guard let p = getcwd(nil, 0) else { return FileManager.default.currentDirectoryPath }
        defer { free(p) }
        return String(validatingCString: p) ?? FileManager.default.currentDirectoryPath
    }()

    static func absolute(_ p: String) -> String {
        normalise(p.hasPrefix("/") ? p : cwd + "/" + p)
    }

    /// Remove `.` and empty components and resolve `..` lexically. On the UTF-8 bytes: String's
    /// Character-wise `split` cost 35 k instructions a path (1.7 M for the shared blueprints).
    static func normalise(_ p: String) -> String {
        // Non-ASCII: Character-wise as before ("/" or "." followed by a combining mark is one
        // Character, not a separator or a dot).
        guard p.utf8.allSatisfy({ $0 < 0x80 }) else { return normaliseCharacters(p) }
        let slash = UInt8(ascii: "/"), dot = UInt8(ascii: ".")
        let u = Array(p.utf8)
        let absolute = u.first == slash
        // Components as start/end pairs in one Int array: an array of Range<Int> costs a run-time
        // lookup of Int: Comparable for its metadata (0.4 M instructions, once per process).
        var parts: [Int] = []
        func isDotDot(_ lo: Int, _ hi: Int) -> Bool { hi - lo == 2 && u[lo] == dot && u[lo + 1] == dot }
        var i = 0
        while i < u.count {
            if u[i] == slash { i += 1; continue }
            var end = i
            while end < u.count, u[end] != slash { end += 1 }
            let lo = i
            i = end
            if end - lo == 1 && u[lo] == dot { continue }
            // A leading ".." of a relative path is kept (`../../protocols` from the stack directory).
            if isDotDot(lo, end) {
                if parts.count >= 2, !isDotDot(parts[parts.count - 2], parts[parts.count - 1]) {
                    parts.removeLast(2)
                } else if !absolute {
                    parts += [lo, end]
                }
                continue
            }
            parts += [lo, end]
        }
        var out: [UInt8] = absolute ? [slash] : []
        out.reserveCapacity(u.count + 1)
        for k in stride(from: 0, to: parts.count, by: 2) {
            if k > 0 { out.append(slash) }
            out.append(contentsOf: u[parts[k]..<parts[k + 1]])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The Character-wise original (the tests compare the two on ASCII paths).
    static func normaliseCharacters(_ p: String) -> String {
        var parts: [Substring] = []
        for c in p.split(separator: "/", omittingEmptySubsequences: true) {
            if c == "." { continue }
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
