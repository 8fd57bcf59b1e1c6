struct CommandPlaceholdersRule: Rule {
    static let description = RuleDescription(
        id: "BP141", name: "command-placeholders", severity: .error,
        summary: "COMMAND does not use exactly the values its Handler passes (4 for handler_develop/handler_ensemble, 3 for the legacy wfield handler).",
        rationale: "str.format ignores extra values, so 3 placeholders with handler_develop silently drop the config key; more placeholders than values raise IndexError after instances start. Legacy and unknown handlers format COMMAND their own way (BP147).",
        triggering: [.edit(("\\\"{}\\\" \\\"epi/run.sh\\\"", "\\\"epi/run.sh\\\"")),
                     .edit(("\\\"epi/run.sh\\\"", "\\\"{}\\\" \\\"epi/run.sh\\\""))],
        nonTriggering: [.clean, .edit(("\"Handler\": \"submit_start.handler_develop\"", "\"Handler\": \"submit_start_legacy_wfield_preprocess.handler\""),
                                      ("\\\"{}\\\" \\\"epi/run.sh\\\"", "\\\"epi/run.sh\\\""))])

    func check(_ bp: Blueprint, _ context: RuleContext) -> [Diagnostic] {
        guard let field = bp.lambda?.config?.command, let command = context.facts(bp).command else { return [] }
        let analysis = command.format
        // Broken templates and named fields are BP140's.
        guard analysis.failure == nil, analysis.namedFields.isEmpty else { return [] }
        let used = command.positionalIndexes
        // Without a Handler (BP100 reports it) assume the current protocol.
        let handler = bp.handlerValue ?? Protocols.currentHandlers[0]
        let proto = Protocols.handler(handler)
        guard let expected = proto?.placeholders else { return [] } // BP147's notice
        let slots = proto?.slots ?? []
        if analysis.requiredPositionalCount > expected {
            let extra = analysis.fields.first { ($0.positionalIndex ?? 0) >= expected }
            let range = extra.map { StringOffsets.sourceRange(of: field.node, decoded: $0.offset..<($0.offset + $0.length), in: bp.source) } ?? field.node.range
            return [finding(bp, at: range, pointer: field.pointer,
                            "COMMAND needs \(analysis.requiredPositionalCount) values but \(handler) passes \(expected): IndexError after instances start",
                            hint: "use exactly \(expected) placeholders: \(slots.joined(separator: ", "))")]
        }
        let missing = (0..<expected).filter { !used.contains($0) }
        guard !missing.isEmpty else { return [] }
        let dropped = missing.map { $0 < slots.count ? slots[$0] : "value \($0 + 1)" }.joined(separator: " and ")
        return [finding(bp, field, "COMMAND uses \(used.count) of the \(expected) values \(handler) passes: \(dropped) is silently dropped",
                        hint: "add a \"{}\" for each of: \(slots.joined(separator: ", "))")]
    }
}
