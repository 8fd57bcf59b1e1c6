struct UnquotedPlaceholderRule: Rule {
    static let description = RuleDescription(
        id: "BP142", name: "command-unquoted-placeholder", severity: .warning,
        summary: "A COMMAND placeholder is not inside shell quotes.",
        rationale: "The values are S3 keys chosen by users; an unquoted {} splits a key with spaces into several arguments.",
        triggering: [.edit(("run_main_cli.sh \\\"{}\\\"", "run_main_cli.sh {}"))],
        nonTriggering: [.clean])

    func check(_ bp: Blueprint, _ context: RuleContext) -> [Diagnostic] {
        guard let field = bp.lambda?.config?.command, let command = context.facts(bp).command else { return [] }
        let analysis = command.format
        guard analysis.failure == nil else { return [] }
        let shell = command.shell
        // Named fields are BP140's.
        let unquoted = analysis.fields.filter { !$0.nested && $0.positionalIndex != nil && !shell.quoted[$0.offset] }
        guard let first = unquoted.first else { return [] }
        let range = StringOffsets.sourceRange(of: field.node, decoded: first.offset..<(first.offset + first.length), in: bp.source)
        let count = unquoted.count == 1 ? "a placeholder" : "\(unquoted.count) placeholders"
        return [finding(bp, at: range, pointer: field.pointer,
                        "COMMAND has \(count) outside quotes; S3 keys with spaces will split into several arguments",
                        hint: "wrap each placeholder in double quotes: \\\"{}\\\"")]
    }
}
