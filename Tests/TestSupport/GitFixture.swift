import Foundation

/// A scratch git repository made with the git executable (independent of the libgit2 code under
/// test), with a fixed identity so commits do not depend on the machine's git config.
public final class GitFixture {
    public let root: URL

    public init(identity: Bool = true) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("bpctl-git-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try git("init", "-q", "-b", "main")
        if identity {
            try git("config", "user.name", "Test Author")
            try git("config", "user.email", "author@example.org")
        }
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    public func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    public func write(_ relative: String, _ text: String) throws {
        let url = root.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    public func read(_ relative: String) throws -> String {
        String(decoding: try Data(contentsOf: root.appendingPathComponent(relative)), as: UTF8.self)
    }

    /// Write files, stage everything and commit; returns the new HEAD id.
    @discardableResult
    public func commit(_ files: [String: String], message: String) throws -> String {
        for (path, text) in files { try write(path, text) }
        try git("add", "-A")
        try git("commit", "-q", "-m", message)
        return try git("rev-parse", "HEAD")
    }

    /// Run git in the repository with a clean environment (no global or system config, so the
    /// identity is only what the fixture set); stdout trimmed. Throws with stderr on failure.
    @discardableResult
    public func git(_ arguments: String...) throws -> String {
        try gitArguments(arguments)
    }

    @discardableResult
    public func gitArguments(_ arguments: [String]) throws -> String {
        var env = ProcessInfo.processInfo.environment
        env["GIT_CONFIG_NOSYSTEM"] = "1"
        env["GIT_CONFIG_GLOBAL"] = "/dev/null"
        env["HOME"] = root.path
        let result = try runProcess(URL(fileURLWithPath: "/usr/bin/git"), ["-C", root.path] + arguments, environment: env)
        guard result.status == 0 else {
            throw NSError(domain: "git", code: Int(result.status),
                          userInfo: [NSLocalizedDescriptionKey: "git \(arguments.joined(separator: " ")): \(result.stderr)"])
        }
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
