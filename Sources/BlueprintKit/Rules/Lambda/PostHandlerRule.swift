struct PostHandlerRule: Rule {
    static let description = RuleDescription(
        id: "BP121", name: "post-handler", severity: .error,
        summary: "Lambda.PostHandler names a post-processing function that moved or does not exist.",
        rationale: "postprocess.epipostprocess moved to postprocess_epi.py in commit e82bfae; stacks still naming it deploy a post-processing Lambda that cannot start.",
        triggering: [.edit(("\"LambdaConfig\": {", "\"PostCodeUri\": \"../../protocols\", \"PostHandler\": \"postprocess.epipostprocess\",\n        \"LambdaConfig\": {"))],
        nonTriggering: [.clean, .edit(("\"LambdaConfig\": {", "\"PostCodeUri\": \"../../protocols\", \"PostHandler\": \"postprocess.postprocess_prediction\",\n        \"LambdaConfig\": {"))])

    func check(_ bp: Blueprint, _ context: RuleContext) -> [Diagnostic] {
        guard let field = bp.lambda?.postHandler, let handler = field.realString, !handler.isEmpty else { return [] }
        if let moved = Protocols.movedPostHandlers[handler] {
            return [finding(bp, field, "PostHandler '\(handler)' no longer exists: it moved to \(moved)",
                            hint: "point PostHandler at the function in its new module")]
        }
        if Protocols.postHandlers.contains(handler) { return [] }
        let suggestion = Suggest.phrase(for: handler, in: Protocols.postHandlers)
        return [finding(bp, field, "PostHandler '\(handler)' is not a known post-processing function\(suggestion)",
                        hint: "pass --protocols DIR to check it against the protocol sources", severity: .warning)]
    }
}
