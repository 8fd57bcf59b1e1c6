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
        return [] // one outside the table may be custom: BP127's notice
    }
}
