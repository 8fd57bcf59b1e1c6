struct HandlerUnknownRule: Rule {
    static let description = RuleDescription(
        id: "BP126", name: "handler-unknown", severity: .warning,
        summary: "Lambda.Handler is module.function but not a job manager NeuroCAAS ships.",
        rationale: "A custom job manager may be intended, but a typo of submit_start.handler_develop deploys a Lambda that fails on every upload; --protocols DIR checks it against the real sources (BP124).",
        triggering: [.edit(("\"Handler\": \"submit_start.handler_develop\"", "\"Handler\": \"submit_start.handler_devlop\""))],
        nonTriggering: [.clean, .edit(("\"Handler\": \"submit_start.handler_develop\"", "\"Handler\": \"submit_start.handler_log\""))])

    func check(_ bp: Blueprint, _ context: RuleContext) -> [Diagnostic] {
        guard let field = bp.lambda?.handler, let handler = field.realString else { return [] }
        // Malformed and removed handlers are BP120's errors.
        guard HandlerRule.isDotted(handler), Protocols.handler(handler) == nil else { return [] }
        let suggestion = Suggest.phrase(for: handler, in: Protocols.existingHandlers)
        return [finding(bp, field, "Handler '\(handler)' is not a known NeuroCAAS job manager\(suggestion)",
                        hint: "pass --protocols DIR to check it against the protocol sources")]
    }
}
