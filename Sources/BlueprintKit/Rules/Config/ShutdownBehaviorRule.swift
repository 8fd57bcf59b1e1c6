struct ShutdownBehaviorRule: Rule {
    static let description = RuleDescription(
        id: "BP134", name: "shutdown-behavior", severity: .error,
        summary: "SHUTDOWN_BEHAVIOR is not stop or terminate.",
        rationale: "It is passed to RunInstances as InstanceInitiatedShutdownBehavior, which accepts only stop and terminate.",
        triggering: [.edit(("\"SHUTDOWN_BEHAVIOR\": \"terminate\"", "\"SHUTDOWN_BEHAVIOR\": \"terminated\""))],
        nonTriggering: [.clean, .edit(("\"SHUTDOWN_BEHAVIOR\": \"terminate\"", "\"SHUTDOWN_BEHAVIOR\": \"stop\""))])

    func check(_ bp: Blueprint, _ context: RuleContext) -> [Diagnostic] {
        guard let field = bp.lambda?.config?.shutdownBehavior, let value = field.node.string, !value.isEmpty,
              !["stop", "terminate"].contains(value) else { return [] }
        let suggestion = Suggest.phrase(for: value, in: ["stop", "terminate"])
        return [finding(bp, field, "SHUTDOWN_BEHAVIOR '\(value)' is not stop or terminate\(suggestion)",
                        hint: "use terminate, so finished job instances are removed")]
    }
}
