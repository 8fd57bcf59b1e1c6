/// A git operation that failed, as one sentence naming the repository, revision or path involved
/// and, where libgit2 gave one, its reason.
public struct GitError: Error, CustomStringConvertible, Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case notARepository, unknownRevision, pathNotInRevision, conflicts, identity, other
    }

    public let kind: Kind
    public let message: String
    public let hint: String?

    public init(_ kind: Kind, _ message: String, hint: String? = nil) {
        self.kind = kind
        self.message = message
        self.hint = hint
    }

    public var description: String { message }
}
