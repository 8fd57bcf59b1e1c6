/// A workflow command that cannot go on: one sentence for stderr, what to do about it, and the
/// documented exit code (1: state or registration problem, missing file or object).
public struct WorkflowError: Error, Sendable, CustomStringConvertible, Equatable {
    public let message: String
    public let hint: String?

    public init(_ message: String, hint: String? = nil) {
        self.message = message
        self.hint = hint
    }

    public var description: String { hint.map { "\(message)\nhint: \($0)" } ?? message }

    package static func notRegistered(_ what: String, command: String) -> WorkflowError {
        WorkflowError("\(what) is not registered", hint: "run: neurocaas-contrib workflow \(command)")
    }
}
