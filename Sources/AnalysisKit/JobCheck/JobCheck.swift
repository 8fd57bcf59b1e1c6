import BlueprintKit

/// What a job check is, for `bpctl check-job --list`, docs and the example test. Written next
/// to the check's code, as the blueprint rules are (SwiftLint style).
public struct JobCheckDescription: Sendable {
    public let id: String
    public let name: String
    public let severity: Severity
    public let summary: String
    public let rationale: String
    public let triggering: [JobExample]
    public let nonTriggering: [JobExample]

    public init(id: String, name: String, severity: Severity, summary: String, rationale: String,
                triggering: [JobExample] = [], nonTriggering: [JobExample] = [.clean]) {
        self.id = id
        self.name = name
        self.severity = severity
        self.summary = summary
        self.rationale = rationale
        self.triggering = triggering
        self.nonTriggering = nonTriggering
    }
}

/// A check of one job request (submit.json + config) against the blueprint it is sent to.
/// Checks are pure: live facts (S3 objects, budget) are gathered beforehand into `JobInput.live`.
public protocol JobCheck: Sendable {
    static var description: JobCheckDescription { get }
    init()
    func check(_ job: JobInput) -> [Diagnostic]
}

extension JobCheck {
    public var id: String { Self.description.id }

    /// A finding about a node of one of the job's documents (submit, config or blueprint).
    func finding(_ source: SourceFile, _ node: Node, pointer: String?, _ message: String, hint: String?,
                 severity: Severity? = nil, related: [Diagnostic.Related] = []) -> Diagnostic {
        finding(source, at: node.range, pointer: pointer, message, hint: hint, severity: severity, related: related)
    }

    func finding(_ source: SourceFile, at range: SourceRange, pointer: String?, _ message: String, hint: String?,
                 severity: Severity? = nil, related: [Diagnostic.Related] = []) -> Diagnostic {
        Diagnostic(ruleID: Self.description.id, severity: severity ?? Self.description.severity, message: message,
                   hint: hint, source: source, range: range, pointer: pointer, related: related)
    }

    /// A finding about a located value.
    func finding<T>(_ source: SourceFile, _ value: Located<T>, _ message: String, hint: String?,
                    severity: Severity? = nil, related: [Diagnostic.Related] = []) -> Diagnostic {
        finding(source, value.node, pointer: value.pointer, message, hint: hint, severity: severity, related: related)
    }

    /// A finding about a whole document (a key that is missing): the opening of its root.
    func findingAtRoot(_ doc: Document, _ message: String, hint: String?) -> Diagnostic {
        finding(doc.source, at: .at(doc.root.range.start), pointer: "", message, hint: hint)
    }
}

/// "a note at this field of the blueprint", for findings that involve a blueprint setting.
func related(_ message: String, _ field: Field?, in bp: Blueprint) -> [Diagnostic.Related] {
    guard let field else { return [] }
    return [.init(message: message, file: bp.source.path, location: bp.source.location(of: field.node.range.start))]
}
