struct HandlerRule: Rule {
    static let description = RuleDescription(
        id: "BP120", name: "handler", severity: .error,
        summary: "Lambda.Handler names a job manager that no longer exists or is not module.function.",
        rationale: "handler_log, handler_log_dev, handler_log_demo and submit_start.handler were removed from submit_start.py; a stack that names them deploys a Lambda that fails on every upload.",
        triggering: [.edit(("\"Handler\": \"submit_start.handler_develop\"", "\"Handler\": \"submit_start.handler_log\"")),
                     .edit(("\"Handler\": \"submit_start.handler_develop\"", "\"Handler\": \"handler_develop\""))],
        nonTriggering: [.clean, .edit(("\"Handler\": \"submit_start.handler_develop\"", "\"Handler\": \"submit_start.handler_ensemble\""))])

    func check(_ bp: Blueprint, _ context: RuleContext) -> [Diagnostic] {
        guard let field = bp.lambda?.handler, let handler = field.realString else { return [] }
        let parts = handler.split(separator: ".", omittingEmptySubsequences: false)
        if parts.count < 2 || parts.contains(where: \.isEmpty) {
            return [finding(bp, field, "Handler '\(handler)' is not module.function",
                            hint: "use submit_start.handler_develop")]
        }
        if let known = Protocols.handler(handler) {
            if case .removed(let why) = known.status {
                return [finding(bp, field, "Handler '\(handler)' no longer exists: \(why)",
                                hint: "use submit_start.handler_develop, which formats COMMAND with 4 values (bucket, dataset key, result prefix, config key)")]
            }
            return []
        }
        return [] // a handler outside the table may be custom: BP126's notice

    }
}
