struct PostHandlerUnknownRule: Rule {
    static let description = RuleDescription(
        id: "BP127", name: "post-handler-unknown", severity: .warning,
        summary: "Lambda.PostHandler is not a post-processing function NeuroCAAS ships.",
        rationale: "A custom post-processing function may be intended, but a typo deploys a Lambda that cannot start; --protocols DIR checks it against the real sources (BP124).",
        triggering: [.edit(("\"LambdaConfig\": {", "\"PostCodeUri\": \"../../protocols\", \"PostHandler\": \"postprocess.postprocess_predictin\",\n        \"LambdaConfig\": {"))],
        nonTriggering: [.clean, .edit(("\"LambdaConfig\": {", "\"PostCodeUri\": \"../../protocols\", \"PostHandler\": \"postprocess.postprocess_prediction\",\n        \"LambdaConfig\": {"))])

    func check(_ bp: Blueprint, _ context: RuleContext) -> [Diagnostic] {
        guard let field = bp.lambda?.postHandler, let handler = field.realString, !handler.isEmpty,
              Protocols.movedPostHandlers[handler] == nil, // moved ones are BP121's errors
              !Protocols.postHandlers.contains(handler) else { return [] }
        let suggestion = Suggest.phrase(for: handler, in: Protocols.postHandlers)
        return [finding(bp, field, "PostHandler '\(handler)' is not a known post-processing function\(suggestion)",
                        hint: "pass --protocols DIR to check it against the protocol sources")]
    }
}
