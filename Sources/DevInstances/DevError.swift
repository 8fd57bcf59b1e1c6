import Applier
import AWSClient
import BlueprintKit

/// Everything `bpctl dev` / `neurocaas-contrib remote` refuse or fail on, as a sentence, an
/// optional file position and a fix hint. Exit codes (README, "Dev instances"):
/// 1 AWS failed or a submit check found a problem; 2 usage or unreadable input; 3 refused in the
/// current state (pool full, nothing selected, wrong instance state, unsaved instance).
public struct DevError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable { case check, usage, refused }
    public let kind: Kind
    public let message: String
    public let hint: String?
    /// "file:line:col" when a file is involved.
    public let location: String?

    public init(_ kind: Kind, _ message: String, hint: String? = nil, location: String? = nil) {
        self.kind = kind
        self.message = message
        self.hint = hint
        self.location = location
    }

    /// An error at a value of a parsed file.
    public init(_ kind: Kind, _ message: String, hint: String? = nil, at node: Node, in source: SourceFile) {
        self.init(kind, message, hint: hint, location: "\(source.path):\(source.location(of: node.range.start))")
    }

    public var exitCode: Int32 {
        switch kind {
        case .check: return 1
        case .usage: return 2
        case .refused: return 3
        }
    }

    public var description: String {
        var s = (location.map { "\($0): " } ?? "") + message
        if let hint { s += "\n  hint: \(hint)" }
        return s
    }
}

/// How both CLIs turn any error into one message and an exit code (never a stack trace).
public enum DevFailure {
    public static func report(_ error: Error) -> (message: String, code: Int32)? {
        switch error {
        case let e as DevError: return ("error: \(e)", e.exitCode)
        case let e as AWSError: return ("error: \(e)", 1)
        case let e as ApplyError: return ("error: \(e)", 1)
        default: return nil
        }
    }
}
