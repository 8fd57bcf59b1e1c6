struct PostProcessingPairRule: Rule {
    static let description = RuleDescription(
        id: "BP122", name: "post-processing-pair", severity: .warning,
        summary: "Only one of PostCodeUri and PostHandler is set (or PostTrigger without both).",
        rationale: "The post-processing Lambda is created only when PostCodeUri and PostHandler are both set; with one of them the setting is silently ignored.",
        triggering: [.edit(("\"LambdaConfig\": {", "\"PostHandler\": \"postprocess.postprocess_prediction\",\n        \"LambdaConfig\": {"))],
        nonTriggering: [.clean])

    func check(_ bp: Blueprint, _ context: RuleContext) -> [Diagnostic] {
        guard let lambda = bp.lambda else { return [] }
        let code = lambda.postCodeUri.map { !($0.node.string ?? "").isEmpty } ?? false
        let handler = lambda.postHandler.map { !($0.node.string ?? "").isEmpty } ?? false
        if code != handler, let present = code ? lambda.postCodeUri : lambda.postHandler {
            let missing = code ? "PostHandler" : "PostCodeUri"
            return [finding(bp, at: present.keyRange, pointer: present.pointer,
                            "\(present.key) is set without \(missing): no post-processing function is created",
                            hint: "add \(missing), or remove \(present.key)")]
        }
        if !code, let trigger = lambda.postTrigger {
            return [finding(bp, at: trigger.keyRange, pointer: trigger.pointer,
                            "PostTrigger has no effect without PostCodeUri and PostHandler", hint: "remove PostTrigger")]
        }
        return []
    }
}
