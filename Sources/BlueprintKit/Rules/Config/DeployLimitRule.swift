struct DeployLimitRule: Rule {
    static let description = RuleDescription(
        id: "BP136", name: "deploy-limit", severity: .error,
        summary: "DEPLOY_LIMIT is not a positive integer.",
        rationale: "DEPLOY_LIMIT caps how many instances of INSTANCE_TYPE may run at once; a negative value blocks every job.",
        triggering: [.edit(("\"DEPLOY_LIMIT\": 100", "\"DEPLOY_LIMIT\": -1"))],
        nonTriggering: [.clean])

    func check(_ bp: Blueprint, _ context: RuleContext) -> [Diagnostic] {
        guard let field = bp.lambda?.config?.deployLimit, let v = field.node.number?.integer, v < 0 else { return [] }
        return [finding(bp, field, "DEPLOY_LIMIT \(v) is negative: no job could start", hint: "use a positive number of instances (default 100)")]
    }
}
