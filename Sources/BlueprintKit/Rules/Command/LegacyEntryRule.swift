struct LegacyEntryRule: Rule {
    static let description = RuleDescription(
        id: "BP144", name: "command-legacy-entry", severity: .info,
        summary: "COMMAND does not use run_main_cli.sh, the current entry script.",
        rationale: "The developer guide's convention is neurocaas_contrib/run_main_cli.sh with four placeholders and the analysis script; older run_main.sh and bin/run.sh entry points still work but get no new features.",
        triggering: [.edit(("neurocaas_contrib/run_main_cli.sh", "neurocaas_remote/run_main.sh"))],
        nonTriggering: [.clean])

    func check(_ bp: Blueprint, _ context: RuleContext) -> [Diagnostic] {
        guard let field = bp.lambda?.config?.command, let command = field.node.string, !command.isEmpty,
              // ASCII text matches by bytes exactly as by Characters; the String search cost 27 K instructions.
              !(command.isASCIIBytes ? command.containsBytes(Protocols.runMainCLI) : command.contains(Protocols.runMainCLI)) else { return [] }
        return [finding(bp, field, "COMMAND does not use \(Protocols.runMainCLI) (legacy entry point)",
                        hint: "cd /home/ubuntu; neurocaas_contrib/run_main_cli.sh \"{}\" \"{}\" \"{}\" \"{}\" \"<analysis script>\"; . neurocaas_contrib/ncap_utils/workflow.sh; cleanup")]
    }
}
