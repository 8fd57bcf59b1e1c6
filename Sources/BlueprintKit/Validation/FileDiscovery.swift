import Foundation

/// Turns the paths given on the command line into blueprint files: files as given, directories
/// searched recursively for stack_config_template.{json,yaml,yml}.
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
        }, describe: "JSON or YAML files")
    }

    public static func blueprints(in paths: [String]) throws(Failure) -> [String] {
        try find(paths, matching: { blueprintNames.contains($0) }, describe: blueprintNames.sorted().joined(separator: ", "))
    }

    private static func find(_ paths: [String], matching: (String) -> Bool, describe: String) throws(Failure) -> [String] {
        var out: [String] = []
        var seen = Set<String>()
        for path in paths.isEmpty ? ["."] : paths {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
                throw Failure(message: "\(path): no such file or directory")
            }
            let found = isDir.boolValue ? search(path, matching) : [path]
            if isDir.boolValue && found.isEmpty {
                throw Failure(message: "\(path): no blueprints found (looked for \(describe))")
            }
            for f in found where seen.insert(Paths.absolute(f)).inserted { out.append(f) }
        }
        return out
    }

    /// Recursive search, sorted for stable output, skipping hidden and build folders.
    private static func search(_ dir: String, _ matching: (String) -> Bool) -> [String] {
        guard let e = FileManager.default.enumerator(atPath: dir) else { return [] }
        var out: [String] = []
        while let rel = e.nextObject() as? String {
            let name = (rel as NSString).lastPathComponent
            if name.hasPrefix(".") || name == "node_modules" {
                if (e.fileAttributes?[.type] as? FileAttributeType) == .typeDirectory { e.skipDescendants() }
                continue
            }
            if matching(name) {
                out.append(dir == "." ? rel : (dir as NSString).appendingPathComponent(rel))
            }
        }
        return out.sorted()
    }
}
