import CLibGit2
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension GitRepository {
    /// The bytes of `path` (relative to the working tree) as committed in `rev`: "REV:path".
    public func fileContents(at rev: String, path: String) throws -> Data {
        lock.lock(); defer { lock.unlock() }
        let commit = try lookupCommit(rev)
        defer { G.git_commit_free!(commit) }
        guard let data = try blob(in: commit, path: path) else {
            throw GitError(.pathNotInRevision, "\(path) does not exist in \(rev) of \(workdir)",
                           hint: "paths are relative to the repository root; `git ls-tree -r --name-only \(rev)` lists them")
        }
        return data.bytes
    }

    /// One committed version of a file: the newest commit (from the start revision back) that
    /// holds these exact bytes, and the bytes.
    public struct FileVersion: Sendable {
        public let commit: String
        public let summary: String
        public let time: Date
        public let blob: String
        public let contents: Data
    }

    /// Every distinct committed version of `path` reachable from `rev`, newest first, reading at
    /// most `limit` commits (so a long history stays bounded). Empty on an unborn branch.
    public func versions(of path: String, from rev: String = "HEAD", limit: Int = 10_000) throws -> [FileVersion] {
        lock.lock(); defer { lock.unlock() }
        var walk: OpaquePointer?
        guard G.git_revwalk_new!(&walk, handle) == 0, let walk else {
            throw GitError(.other, LibGit2.describe("cannot walk the history of \(workdir)"))
        }
        defer { G.git_revwalk_free!(walk) }
        _ = G.git_revwalk_sorting!(walk, GIT_SORT_TIME.rawValue)
        if rev == "HEAD" {
            let rc = G.git_revwalk_push_head!(walk)
            if rc == GIT_ENOTFOUND.rawValue || rc == GIT_EUNBORNBRANCH.rawValue { return [] }
            guard rc == 0 else { throw GitError(.other, LibGit2.describe("cannot walk from HEAD in \(workdir)")) }
        } else {
            let start = try lookupCommit(rev)
            var oid = G.git_commit_id!(start)!.pointee
            G.git_commit_free!(start)
            guard G.git_revwalk_push!(walk, &oid) == 0 else {
                throw GitError(.other, LibGit2.describe("cannot walk from \(rev) in \(workdir)"))
            }
        }
        var seen: Set<String> = []
        var out: [FileVersion] = []
        var oid = git_oid()
        var count = 0
        while count < limit, G.git_revwalk_next!(&oid, walk) == 0 {
            count += 1
            var commit: OpaquePointer?
            guard G.git_commit_lookup!(&commit, handle, &oid) == 0, let commit else { continue }
            defer { G.git_commit_free!(commit) }
            guard let found = try blob(in: commit, path: path), seen.insert(found.id).inserted else { continue }
            let summary = G.git_commit_summary!(commit).map { String(cString: $0) } ?? ""
            out.append(FileVersion(commit: LibGit2.hex(oid), summary: summary,
                                   time: Date(timeIntervalSince1970: TimeInterval(G.git_commit_time!(commit))),
                                   blob: found.id, contents: found.bytes))
        }
        return out
    }

    /// The blob at `path` in a commit's tree; nil when the path is absent or not a file.
    func blob(in commit: OpaquePointer, path: String) throws -> (id: String, bytes: Data)? {
        var tree: OpaquePointer?
        guard G.git_commit_tree!(&tree, commit) == 0, let tree else {
            throw GitError(.other, LibGit2.describe("cannot read a commit's tree in \(workdir)"))
        }
        defer { G.git_tree_free!(tree) }
        var entry: OpaquePointer?
        let clean = path.split(separator: "/").joined(separator: "/")
        guard !clean.isEmpty, G.git_tree_entry_bypath!(&entry, tree, clean) == 0, let entry else { return nil }
        defer { G.git_tree_entry_free!(entry) }
        guard G.git_tree_entry_type!(entry) == GIT_OBJECT_BLOB else { return nil }
        var object: OpaquePointer?
        guard G.git_blob_lookup!(&object, handle, G.git_tree_entry_id!(entry)) == 0, let object else {
            throw GitError(.other, LibGit2.describe("cannot read \(path) from the object database of \(workdir)"))
        }
        defer { G.git_blob_free!(object) }
        let size = Int(G.git_blob_rawsize!(object))
        let bytes = size == 0 ? Data() : Data(bytes: G.git_blob_rawcontent!(object)!, count: size)
        return (LibGit2.hex(G.git_blob_id!(object)!.pointee), bytes)
    }
}
