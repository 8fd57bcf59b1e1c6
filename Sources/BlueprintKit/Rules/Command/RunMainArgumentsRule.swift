struct RunMainArgumentsRule: Rule {
    static let description = RuleDescription(
        id: "BP146", name: "run-main-cli-arguments", severity: .error,
        summary: "run_main_cli.sh is not given four placeholders and the analysis script.",
        rationale: "run_main_cli.sh takes bucket, dataset key, result prefix, config key and then the path of the analysis script; with the script missing it has nothing to run.",
        triggering: [.edit((" \\\"epi/run.sh\\\"", ""))],
        nonTriggering: [.clean])

    func check(_ bp: Blueprint, _ context: RuleContext) -> [Diagnostic] {
        guard let field = bp.lambda?.config?.command, let command = context.facts(bp).command else { return [] }
        let analysis = command.format
        // Broken templates and named fields ({write analysis_script_here}) are BP140's.
        guard analysis.failure == nil, analysis.namedFields.isEmpty else { return [] }
        for (words, unquoted) in zip(command.commands, command.unquoted) {
            guard let at = unquoted.firstIndex(where: { $0.hasSuffix(Protocols.runMainCLI) }) else { continue }
            let argCount = words.count - at - 1
            let placeholders = unquoted[(at + 1)...].prefix(4).filter { $0 == "{}" }.count
            if argCount < 5 || placeholders < 4 {
                let range = StringOffsets.sourceRange(of: field.node, decoded: words[at].range, in: bp.source)
                return [finding(bp, at: range, pointer: field.pointer,
                                "run_main_cli.sh gets \(argCount) argument\(argCount == 1 ? "" : "s"); it needs \"{}\" x4 and then the analysis script",
                                hint: "run_main_cli.sh \"{}\" \"{}\" \"{}\" \"{}\" \"path/to/analysis.sh\"")]
            }
            // No '{' byte, no '{' Character: the byte test skips the Character walk.
            if unquoted[at + 5].utf8.contains(UInt8(ascii: "{")), unquoted[at + 5].contains("{" as Character) {
                let range = StringOffsets.sourceRange(of: field.node, decoded: words[at + 5].range, in: bp.source)
                return [finding(bp, at: range, pointer: field.pointer,
                                "run_main_cli.sh gets a placeholder where the analysis script belongs (argument 5)",
                                hint: "give the script's path in the image, e.g. \"myanalysis/run.sh\"")]
            }
        }
        return []
    }
}
