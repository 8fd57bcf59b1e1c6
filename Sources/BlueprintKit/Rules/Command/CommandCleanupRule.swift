struct CommandCleanupRule: Rule {
    static let description = RuleDescription(
        id: "BP143", name: "command-no-cleanup", severity: .warning,
        summary: "COMMAND does not end with cleanup or poweroff.",
        rationale: "Without a final cleanup (which uploads logs and shuts down) or poweroff, the instance keeps running, and billing, until an external killer or the SSM timeout stops it.",
        triggering: [.edit(("; . neurocaas_contrib/ncap_utils/workflow.sh; cleanup", ""))],
        nonTriggering: [.clean, .edit(("; . neurocaas_contrib/ncap_utils/workflow.sh; cleanup", "; sudo poweroff"))])

    func check(_ bp: Blueprint, _ context: RuleContext) -> [Diagnostic] {
        guard let field = bp.lambda?.config?.command, let command = context.facts(bp).command, !command.text.isEmpty,
              let words = command.unquoted.last else { return [] }
        if words.contains(where: { $0 == "cleanup" || $0 == "poweroff" || $0 == "shutdown" || $0.hasSuffix("/poweroff") }) { return [] }
        return [finding(bp, field, "COMMAND does not end with cleanup or poweroff: the instance may stay up after the job",
                        hint: "end it with '; . neurocaas_contrib/ncap_utils/workflow.sh; cleanup'")]
    }
}
