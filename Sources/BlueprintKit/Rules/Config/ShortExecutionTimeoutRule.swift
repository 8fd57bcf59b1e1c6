struct ShortExecutionTimeoutRule: Rule {
    static let description = RuleDescription(
        id: "BP133", name: "execution-timeout-short", severity: .warning,
        summary: "EXECUTION_TIMEOUT is under 600 s for a job manager that waits for instances to boot.",
        rationale: "handler_develop waits for EC2 status checks (up to 40 x 15 s) before sending the command; a short Lambda timeout can expire first, and S3's retry of the event then launches the job again.",
        triggering: [.edit(("\"EXECUTION_TIMEOUT\": 900", "\"EXECUTION_TIMEOUT\": 180"))],
        nonTriggering: [.clean])

    func check(_ bp: Blueprint, _ context: RuleContext) -> [Diagnostic] {
        guard let handler = bp.handlerValue, Protocols.handler(handler)?.status == .current,
              let field = bp.lambda?.config?.executionTimeout, let value = field.node.number?.integer,
              value > 0, value < 600 else { return [] }
        return [finding(bp, field, "EXECUTION_TIMEOUT \(value) s may end the job manager while it waits for instances to boot",
                        hint: "set EXECUTION_TIMEOUT to 900")]
    }
}
