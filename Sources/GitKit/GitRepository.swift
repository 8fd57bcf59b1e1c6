import CLibGit2
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import PlatformSupport

/// One non-bare git repository, opened through libgit2. Calls are serialised by a lock because a
/// libgit2 repository handle must not be used from two threads at once.
public final class GitRepository: @unchecked Sendable {
    let handle: OpaquePointer
    let lock = Lock()
    /// Absolute path of the working tree, without a trailing slash.
    public let workdir: String

    private init(handle: OpaquePointer, workdir: String) {
        self.handle = handle
        self.workdir = workdir
    }

    deinit { G.git_repository_free!(handle) }

    /// The repository whose working tree holds `path` (a file or a directory, existing or not:
    /// the search starts at the nearest existing ancestor). nil when there is none.
    public static func discover(containing path: String) throws -> GitRepository? {
        try LibGit2.load()
        var start = URL(fileURLWithPath: path).standardizedFileURL.path
        while !FileManager.default.fileExists(atPath: start), start != "/" {
            start = PathText.deletingLastComponent(start)
        }
        var found = git_buf()
        defer { G.git_buf_dispose!(&found) }
        let rc = G.git_repository_discover!(&found, start, 0, nil)
        if rc == GIT_ENOTFOUND.rawValue { return nil }
        guard rc == 0, let gitdir = found.ptr else {
            throw GitError(.other, LibGit2.describe("cannot look for a git repository above \(start)"))
        }
        return try open(gitdir: String(cString: gitdir), near: start)
    }

    /// Open the repository at `path` (its working tree or .git directory).
    public static func open(_ path: String) throws -> GitRepository {
        try LibGit2.load()
        return try open(gitdir: path, near: path)
    }

    private static func open(gitdir: String, near: String) throws -> GitRepository {
        var repo: OpaquePointer?
        guard G.git_repository_open!(&repo, gitdir) == 0, let repo else {
            throw GitError(.notARepository, LibGit2.describe("\(near) is not inside a git repository"),
                           hint: "run `git init` there, or pass a path inside a clone")
        }
        guard let dir = G.git_repository_workdir!(repo) else {
            G.git_repository_free!(repo)
            throw GitError(.notARepository, "\(gitdir) is a bare git repository (it has no working tree)")
        }
        var workdir = String(cString: dir)
        while workdir.count > 1, workdir.hasSuffix("/") { workdir.removeLast() }
        return GitRepository(handle: repo, workdir: workdir)
    }

    /// `path` relative to the working tree ("stacks/x/stack_config_template.json"), or nil when
    /// it lies outside. Relative inputs are taken from the current directory; symbolic links in
    /// the directories are resolved on both sides, so /tmp and /private/tmp agree.
    public func relativePath(_ path: String) -> String? {
        let absolute = Self.canonical(URL(fileURLWithPath: path).standardizedFileURL.path)
        let root = Self.canonical(workdir)
        if absolute == root { return "" }
        let prefix = root == "/" ? "/" : root + "/"
        guard absolute.hasPrefix(prefix) else { return nil }
        return String(absolute.dropFirst(prefix.count))
    }

    /// Resolve symbolic links in the existing part of a path and keep the rest as written.
    static func canonical(_ path: String) -> String {
        var head = path
        var tail: [String] = []
        while !FileManager.default.fileExists(atPath: head), head != "/" {
            tail.insert(PathText.lastComponent(head), at: 0)
            head = PathText.deletingLastComponent(head)
        }
        let resolved = URL(fileURLWithPath: head).resolvingSymlinksInPath().path
        return tail.reduce(resolved) { PathText.appending($0, $1) }
    }

    /// The commit HEAD points at, or nil on an unborn branch (a repository with no commits).
    public func headCommitID() throws -> String? {
        lock.lock(); defer { lock.unlock() }
        var oid = git_oid()
        let rc = G.git_reference_name_to_id!(&oid, handle, "HEAD")
        if rc == GIT_ENOTFOUND.rawValue || rc == GIT_EUNBORNBRANCH.rawValue { return nil }
        guard rc == 0 else { throw GitError(.other, LibGit2.describe("cannot read HEAD of \(workdir)")) }
        return LibGit2.hex(oid)
    }

    /// The commit id a revision names: "HEAD~1", a branch, a tag (peeled), an abbreviated id.
    public func resolve(_ rev: String) throws -> String {
        lock.lock(); defer { lock.unlock() }
        let commit = try lookupCommit(rev)
        defer { G.git_commit_free!(commit) }
        return LibGit2.hex(G.git_commit_id!(commit)!.pointee)
    }

    /// The commit a revision names (caller holds the lock and frees the commit).
    func lookupCommit(_ rev: String) throws -> OpaquePointer {
        var object: OpaquePointer?
        let rc = G.git_revparse_single!(&object, handle, rev)
        guard rc == 0, let object else {
            let reason = rc == GIT_ENOTFOUND.rawValue || rc == GIT_EAMBIGUOUS.rawValue || rc == GIT_EINVALIDSPEC.rawValue
                ? "" : ": " + LibGit2.lastError()
            throw GitError(.unknownRevision, "unknown revision \"\(rev)\" in \(workdir)\(reason)",
                           hint: "name a commit, branch or tag of this repository (`git log --oneline` lists them)")
        }
        defer { G.git_object_free!(object) }
        var peeled: OpaquePointer?
        guard G.git_object_peel!(&peeled, object, GIT_OBJECT_COMMIT) == 0, let peeled else {
            throw GitError(.unknownRevision, "revision \"\(rev)\" in \(workdir) does not name a commit")
        }
        return peeled
    }
}
