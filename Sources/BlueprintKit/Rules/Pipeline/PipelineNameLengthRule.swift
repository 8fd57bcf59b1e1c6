struct PipelineNameLengthRule: Rule {
    static let description = RuleDescription(
        id: "BP112", name: "pipeline-name-length", severity: .warning,
        summary: "PipelineName is longer than 25 characters.",
        rationale: "Each job creates an EventBridge rule 'Monitorjob__<PipelineName>_<timestamp>', limited to 64 characters; with the 26-character timestamps the job manager uses, names over 25 characters break monitoring.",
        triggering: [.edit(("\"PipelineName\": \"epi-analysis\"", "\"PipelineName\": \"epi-analysis-with-a-very-long-name\""))],
        nonTriggering: [.clean])

    func check(_ bp: Blueprint, _ context: RuleContext) -> [Diagnostic] {
        guard let field = bp.pipelineName, let name = field.realString, name.utf8.count > 25, name.count > 25,
              PipelineNameRule.problem(name) == nil else { return [] }
        return [finding(bp, field, "PipelineName is \(name.count) characters; job monitoring rules need 25 or fewer",
                        hint: "shorten the name to 25 characters or fewer")]
    }
}
