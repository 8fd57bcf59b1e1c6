import Foundation
import GitKit

/// The git view a plan needs: HEAD, and the blueprint as last committed (the last known
/// desired state). A protocol so plans can be tested without a repository.
public protocol BlueprintHistory: Sendable {
    func head() throws -> String?
    /// The path as the repository names it, nil when outside the working tree.
    func repositoryPath(of path: String) -> String?
    /// The blueprint at HEAD, nil when HEAD does not have it (new file, unborn branch).
    func committedContents(of path: String) throws -> [UInt8]?
    /// Earlier committed versions, newest first (HEAD's included), at most `limit` commits back.
    func committedVersions(of path: String, limit: Int) throws -> [[UInt8]]
}

extension BlueprintHistory {
    public func committedVersions(of path: String, limit: Int) throws -> [[UInt8]] {
        try committedContents(of: path).map { [$0] } ?? []
    }
}

/// BlueprintHistory through libgit2.
public struct GitHistory: BlueprintHistory {
    public let repository: GitRepository

    /// nil when `path` is not inside a git working tree.
    public init?(containing path: String) throws {
        guard let repo = try GitRepository.discover(containing: path) else { return nil }
        repository = repo
    }

    public func head() throws -> String? { try repository.headCommitID() }

    public func repositoryPath(of path: String) -> String? { repository.relativePath(path) }

    public func committedVersions(of path: String, limit: Int) throws -> [[UInt8]] {
        guard let relative = repository.relativePath(path) else { return [] }
        return try repository.versions(of: relative, limit: limit).map { [UInt8]($0.contents) }
    }

    public func committedContents(of path: String) throws -> [UInt8]? {
        guard let relative = repository.relativePath(path), try repository.headCommitID() != nil else { return nil }
        do {
            return [UInt8](try repository.fileContents(at: "HEAD", path: relative))
        } catch let e as GitError where e.kind == .pathNotInRevision {
            return nil
        }
    }
}
