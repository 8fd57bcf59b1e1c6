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

/// Turns the paths given on the command line into blueprint files: files as given, directories
/// searched recursively for stack_config_template.{json,yaml,yml}. Only regular files are read
/// later; a FIFO or device named like a blueprint is listed so its load reports why it was
/// skipped, and a folder that cannot be read stops the run (a blueprint in it would pass CI unseen).
public enum FileDiscovery {
    public static let blueprintNames: Set<String> = [
        "stack_config_template.json", "stack_config_template.yaml", "stack_config_template.yml",
    ]

    public struct Failure: Error, Sendable, Equatable {
        public let message: String
    }

    /// For generic schema validation: files as given; directories give every JSON/YAML file.
    public static func instances(in paths: [String]) throws(Failure) -> [String] {
        try find(paths, matching: { name in
            let lower = name.lowercased()
            return lower.hasSuffix(".json") || lower.hasSuffix(".yaml") || lower.hasSuffix(".yml")
        }, describe: { "JSON or YAML files" })
    }

    public static func blueprints(in paths: [String]) throws(Failure) -> [String] {
        try find(paths, matching: { blueprintNames.contains($0) }, describe: { blueprintNames.sorted().joined(separator: ", ") })
    }

    /// `describe` is only needed for the "no blueprints found" message.
    private static func find(_ paths: [String], matching: (String) -> Bool, describe: () -> String) throws(Failure) -> [String] {
        var out: [String] = []
        var seen = Set<String>()
        for path in paths.isEmpty ? ["."] : paths {
            var st = stat()
            guard stat(path, &st) == 0 else {
                throw Failure(message: "\(path): \(errno == ENOENT || errno == ENOTDIR ? "no such file or directory" : String(cString: strerror(errno)))")
            }
            let isDir = (st.st_mode & S_IFMT) == S_IFDIR
            let found = isDir ? try search(path, matching) : [path]
            if isDir && found.isEmpty {
                throw Failure(message: "\(path): no blueprints found (looked for \(describe()))")
            }
            for f in found where seen.insert(Paths.absolute(f)).inserted { out.append(f) }
        }
        return out
    }

    /// Depth-first walk with opendir/readdir (an explicit stack, no recursion), sorted for stable
    /// output, skipping hidden and build folders and not following symlinked folders.
    private static func search(_ root: String, _ matching: (String) -> Bool) throws(Failure) -> [String] {
        var out: [String] = []
        var pending = [root]
        while let dir = pending.popLast() {
            guard let handle = opendir(dir) else {
                throw Failure(message: "\(dir): cannot read the folder (\(String(cString: strerror(errno))))")
            }
            defer { closedir(handle) }
            while let entry = readdir(handle) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                if name == "." || name == ".." { continue }
                let full = dir == "." ? name : (dir.hasSuffix("/") ? dir + name : dir + "/" + name)
                var type = Int32(entry.pointee.d_type)
                if type == Int32(DT_UNKNOWN) {
                    var st = stat()
                    guard lstat(full, &st) == 0 else { continue }
                    type = (st.st_mode & S_IFMT) == S_IFDIR ? Int32(DT_DIR) : Int32(DT_REG)
                }
                if type == Int32(DT_DIR) {
                    if !name.hasPrefix(".") && name != "node_modules" { pending.append(full) }
                } else if !name.hasPrefix(".") && matching(name) {
                    out.append(full)
                }
            }
        }
        return out.sorted()
    }
}
