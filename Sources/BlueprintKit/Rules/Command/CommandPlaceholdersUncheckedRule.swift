struct CommandPlaceholdersUncheckedRule: Rule {
    static let description = RuleDescription(
        id: "BP147", name: "command-placeholders-unchecked", severity: .info,
        summary: "COMMAND does not have the current protocol's 4 placeholders, and its Handler is legacy or unknown, so BP141 could not check it.",
        rationale: "Legacy and custom job managers format COMMAND their own way; bpctl says it did not check rather than passing it silently.",
        triggering: [.edit(("\"Handler\": \"submit_start.handler_develop\"", "\"Handler\": \"submit.handler\""),
                           ("\\\"{}\\\" \\\"epi/run.sh\\\"", "\\\"epi/run.sh\\\""))],
        nonTriggering: [.clean])

    func check(_ bp: Blueprint, _ context: RuleContext) -> [Diagnostic] {
        guard let field = bp.lambda?.config?.command, let command = context.facts(bp).command else { return [] }
        let analysis = command.format
        guard analysis.failure == nil, analysis.namedFields.isEmpty else { return [] } // BP140's
        let handler = bp.handlerValue ?? Protocols.currentHandlers[0]
        let proto = Protocols.handler(handler)
        let used = command.positionalIndexes
        guard proto?.placeholders == nil, used.count != 4 else { return [] }
        let why = proto == nil ? "is not a known job manager" : "is legacy and formats COMMAND its own way"
        return [finding(bp, field, "COMMAND has \(used.count) placeholders; not checked because Handler '\(handler)' \(why)",
                        hint: "the current protocol (submit_start.handler_develop) passes 4 values: \(Protocols.currentSlots.joinedText(separator: ", "))")]
    }
}
