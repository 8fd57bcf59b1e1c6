struct CommandSyntaxRule: Rule {
    static let description = RuleDescription(
        id: "BP140", name: "command-format", severity: .error,
        summary: "COMMAND cannot be filled by Python's str.format (stray brace, named field, attribute access).",
        rationale: "The job manager runs COMMAND.format(bucket, dataset, result, config) only after instances are launched; a ValueError or KeyError then fails the job with instances already running.",
        triggering: [.edit(("run_main_cli.sh \\\"{}\\\"", "run_main_cli.sh \\\"{bucket}\\\"")),
                     .edit(("; cleanup", "; awk '{print $1}' log; cleanup")),
                     .edit(("\\\"epi/run.sh\\\"", "\\\"epi/run.sh\\\" }"))],
        nonTriggering: [.clean, .edit(("; cleanup", "; awk '{{print $1}}' log; cleanup"))])

    func check(_ bp: Blueprint, _ context: RuleContext) -> [Diagnostic] {
        guard let field = bp.lambda?.config?.command, let facts = context.facts(bp).command else { return [] }
        let command = facts.text, analysis = facts.format
        if let failure = analysis.failure {
            let range = StringOffsets.sourceRange(of: field.node, decoded: failure.offset..<(failure.offset + 1), in: bp.source)
            return [finding(bp, at: range, pointer: field.pointer,
                            "COMMAND cannot be formatted: \(failure.message) (Python raises ValueError after instances start)",
                            hint: "write {{ and }} for literal braces, and {} for each value")]
        }
        var out: [Diagnostic] = []
        let bytes = Array(command.utf8)
        var offsets = StringOffsets.Cursor(field.node, bp.source) // fields come in order: one pass
        for f in analysis.fields {
            let problem: (message: String, hint: String)
            let text = { String(decoding: bytes[f.offset..<(f.offset + f.length)], as: UTF8.self) }
            if case .name(let name) = f.reference {
                problem = ("COMMAND field \(text()) is named '\(name)': str.format raises KeyError, since the values are passed by position",
                           "use {} (and {{ }} for literal braces)")
            } else if let accessor = f.accessor {
                problem = ("COMMAND field \(text()) accesses '\(accessor)' of a string value, which fails at format time", "use a plain {}")
            } else {
                continue
            }
            out.append(finding(bp, at: offsets.range(f.offset..<(f.offset + f.length)), pointer: field.pointer, problem.message, hint: problem.hint))
        }
        return out
    }
}
