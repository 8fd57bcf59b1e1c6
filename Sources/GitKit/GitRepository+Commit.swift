import CLibGit2
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import PlatformSupport

extension GitRepository {
    /// True when the index holds unmerged entries (a merge or rebase stopped on conflicts).
    public func hasConflicts() throws -> Bool {
        lock.lock(); defer { lock.unlock() }
        let index = try repositoryIndex()
        defer { G.git_index_free!(index) }
        return G.git_index_has_conflicts!(index) != 0
    }

    /// "Name <email>" of the author commits would get (user.name and user.email from git config);
    /// throws the same error `commit` would when none is configured. Lets a caller check before
    /// doing work that must end in a commit.
    public func authorIdentity() throws -> String {
        lock.lock(); defer { lock.unlock() }
        let signature = try defaultSignature()
        defer { G.git_signature_free!(signature) }
        return "\(String(cString: signature.pointee.name)) <\(String(cString: signature.pointee.email))>"
    }

    private func defaultSignature() throws -> UnsafeMutablePointer<git_signature> {
        var signature: UnsafeMutablePointer<git_signature>?
        guard G.git_signature_default!(&signature, handle) == 0, let signature else {
            throw GitError(.identity, LibGit2.describe("no commit author is configured for \(workdir)"),
                           hint: "set one with `git config user.name \"Your Name\"` and `git config user.email you@example.org`")
        }
        return signature
    }

    /// Stage exactly `paths` (relative to the working tree or absolute; a deleted file is staged
    /// as a removal) and commit them on HEAD with author and committer from git config. Other
    /// changes already staged stay staged and are not part of the commit, unlike `git commit`.
    /// An unchanged file still gets its commit (`allowEmpty`), so a record is always written.
    /// Returns the new commit's id.
    @discardableResult
    public func commit(paths: [String], message: String, allowEmpty: Bool = true) throws -> String {
        lock.lock(); defer { lock.unlock() }
        let relative = try paths.map { path -> String in
            let rel = path.hasPrefix("/") ? relativePath(path) : path
            guard let rel, !rel.isEmpty, !rel.hasPrefix("../") else {
                throw GitError(.other, "\(path) is not inside the working tree of \(workdir)")
            }
            return rel
        }
        let index = try repositoryIndex()
        defer { G.git_index_free!(index) }
        if G.git_index_has_conflicts!(index) != 0 {
            throw GitError(.conflicts, "the index of \(workdir) has unresolved conflicts; nothing was committed",
                           hint: "finish or abort the merge (`git status` lists the conflicting paths), then run the command again")
        }
        let signature = try defaultSignature()
        defer { G.git_signature_free!(signature) }

        // The commit's tree is HEAD's tree plus these paths only, built in a private index.
        var parent: OpaquePointer?
        var headOid = git_oid()
        let headRC = G.git_reference_name_to_id!(&headOid, handle, "HEAD")
        if headRC == 0 {
            guard G.git_commit_lookup!(&parent, handle, &headOid) == 0 else {
                throw GitError(.other, LibGit2.describe("cannot read the HEAD commit of \(workdir)"))
            }
        } else if headRC != GIT_ENOTFOUND.rawValue && headRC != GIT_EUNBORNBRANCH.rawValue {
            throw GitError(.other, LibGit2.describe("cannot read HEAD of \(workdir)"))
        }
        defer { if let parent { G.git_commit_free!(parent) } }
        var scratch: OpaquePointer?
        guard G.git_index_new!(&scratch) == 0, let scratch else {
            throw GitError(.other, LibGit2.describe("cannot create an index for the commit in \(workdir)"))
        }
        defer { G.git_index_free!(scratch) }
        var parentTree: OpaquePointer?
        if let parent {
            guard G.git_commit_tree!(&parentTree, parent) == 0, G.git_index_read_tree!(scratch, parentTree) == 0 else {
                throw GitError(.other, LibGit2.describe("cannot read the HEAD tree of \(workdir)"))
            }
        }
        defer { if let parentTree { G.git_tree_free!(parentTree) } }
        for path in relative {
            try stage(path, into: scratch, alsoInto: index)
        }
        var treeOid = git_oid()
        guard G.git_index_write_tree_to!(&treeOid, scratch, handle) == 0 else {
            throw GitError(.other, LibGit2.describe("cannot write the commit's tree in \(workdir)"))
        }
        if !allowEmpty, let parentTree, G.git_oid_equal!(&treeOid, G.git_tree_id!(parentTree)) != 0 {
            return LibGit2.hex(headOid)
        }
        var tree: OpaquePointer?
        guard G.git_tree_lookup!(&tree, handle, &treeOid) == 0, let tree else {
            throw GitError(.other, LibGit2.describe("cannot read the commit's tree in \(workdir)"))
        }
        defer { G.git_tree_free!(tree) }
        // The repository's index gets the same entries first, so `git status` shows these paths
        // clean; if that fails nothing has been committed yet.
        guard G.git_index_write!(index) == 0 else {
            throw GitError(.other, LibGit2.describe("cannot update the index of \(workdir); nothing was committed"))
        }
        var commitOid = git_oid()
        let rc: Int32
        if let parent {
            var parents: [OpaquePointer?] = [parent]
            rc = G.git_commit_create!(&commitOid, handle, "HEAD", signature, signature, nil, message, tree, 1, &parents)
        } else {
            rc = G.git_commit_create!(&commitOid, handle, "HEAD", signature, signature, nil, message, tree, 0, nil)
        }
        guard rc == 0 else {
            throw GitError(.other, LibGit2.describe("cannot commit \(relative.joined(separator: ", ")) in \(workdir)"))
        }
        return LibGit2.hex(commitOid)
    }

    /// Put the working-tree state of one path into both indexes (added, changed or removed).
    private func stage(_ path: String, into scratch: OpaquePointer, alsoInto index: OpaquePointer) throws {
        let absolute = PathText.appending(workdir, path)
        var isDirectory = false  // FoundationEssentials's Bool (Foundation's ObjCBool)
        guard FileManager.default.fileExists(atPath: absolute, isDirectory: &isDirectory) else {
            // Gone from the working tree: record the removal (no error when it was never tracked).
            _ = G.git_index_remove_bypath!(scratch, path)
            _ = G.git_index_remove_bypath!(index, path)
            return
        }
        guard !isDirectory else {
            throw GitError(.other, "\(path) in \(workdir) is a directory; name the files to commit")
        }
        guard G.git_index_add_bypath!(index, path) == 0 else {
            throw GitError(.other, LibGit2.describe("cannot stage \(path) in \(workdir)"))
        }
        guard let entry = G.git_index_get_bypath!(index, path, 0) else {
            throw GitError(.other, "cannot find \(path) in the index of \(workdir) after staging it")
        }
        guard G.git_index_add!(scratch, entry) == 0 else {
            throw GitError(.other, LibGit2.describe("cannot stage \(path) for the commit in \(workdir)"))
        }
    }

    /// The repository's own index as it is on disk now (caller holds the lock and frees it).
    func repositoryIndex() throws -> OpaquePointer {
        var index: OpaquePointer?
        guard G.git_repository_index!(&index, handle) == 0, let index else {
            throw GitError(.other, LibGit2.describe("cannot read the index of \(workdir)"))
        }
        // libgit2 caches the index per repository handle; reload it if git changed it on disk.
        guard G.git_index_read!(index, 0) == 0 else {
            G.git_index_free!(index)
            throw GitError(.other, LibGit2.describe("cannot read the index of \(workdir)"))
        }
        return index
    }
}
