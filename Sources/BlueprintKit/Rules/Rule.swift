#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What a rule is, for the catalog, `bpctl rules`, docs/rules.md, SARIF and the example test.
/// Written next to the rule's code, as SwiftLint does.
public struct RuleDescription: Sendable {
    public let id: String
    public let name: String
    public let severity: Severity
    public let summary: String
    /// Why the rule exists, in a sentence or two (docs and SARIF help text).
    public let rationale: String
    public let triggering: [RuleExample]
    public let nonTriggering: [RuleExample]

    public init(id: String, name: String, severity: Severity, summary: String, rationale: String,
                triggering: [RuleExample] = [], nonTriggering: [RuleExample] = []) {
        self.id = id
        self.name = name
        self.severity = severity
        self.summary = summary
        self.rationale = rationale
        self.triggering = triggering
        self.nonTriggering = nonTriggering
    }
}

/// A check of one blueprint.
public protocol Rule: Sendable {
    static var description: RuleDescription { get }
    init()
    func check(_ blueprint: Blueprint, _ context: RuleContext) -> [Diagnostic]
}

/// A check across every blueprint validated together (PipelineName uniqueness, IAM group limits).
public protocol FleetRule: Sendable {
    static var description: RuleDescription { get }
    init()
    func check(_ fleet: [Blueprint], _ context: RuleContext) -> [Diagnostic]
}

/// Settings a rule may read.
public struct RuleContext: Sendable {
    /// The directory that the canonical CodeUri `../../protocols` stands for (`--protocols`).
    public var protocolsDirectory: String?
    /// Facts several rules share, computed once per blueprint (RuleFacts.swift).
    let factsCache = RuleFactsCache()

    public init(protocolsDirectory: String? = nil) {
        self.protocolsDirectory = protocolsDirectory
    }
}

/// Shorthands so rule bodies read as "what is wrong, where, how to fix it".
extension Rule {
    public var id: String { Self.description.id }

    /// Always the rule's own severity: one id, one meaning, one default severity (a different
    /// severity is a different rule).
    func finding(_ bp: Blueprint, at range: SourceRange, pointer: String?, _ message: String, hint: String?,
                 related: [Diagnostic.Related] = []) -> Diagnostic {
        Diagnostic(ruleID: Self.description.id, severity: Self.description.severity, message: message,
                   hint: hint, source: bp.source, range: range, pointer: pointer, related: related)
    }

    /// A finding about a field's value.
    func finding(_ bp: Blueprint, _ field: Field, _ message: String, hint: String?) -> Diagnostic {
        finding(bp, at: field.node.range, pointer: field.pointer, message, hint: hint)
    }

    /// A finding about a located value (an entry of a list).
    func finding<T>(_ bp: Blueprint, _ value: Located<T>, _ message: String, hint: String?) -> Diagnostic {
        finding(bp, at: value.range, pointer: value.pointer, message, hint: hint)
    }
}

extension FleetRule {
    func finding(_ bp: Blueprint, at range: SourceRange, pointer: String?, _ message: String, hint: String?,
                 related: [Diagnostic.Related] = []) -> Diagnostic {
        Diagnostic(ruleID: Self.description.id, severity: Self.description.severity, message: message,
                   hint: hint, source: bp.source, range: range, pointer: pointer, related: related)
    }
}

extension Field {
    /// The string value when it is a real value, not template prose (BP105 reports those).
    var realString: String? {
        guard let s = node.string, !TemplateLeftover.matches(s) else { return nil }
        return s
    }
}
