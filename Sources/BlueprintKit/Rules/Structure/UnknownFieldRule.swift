struct UnknownFieldRule: Rule {
    static let description = RuleDescription(
        id: "BP102", name: "unknown-field", severity: .warning,
        summary: "A key that NeuroCAAS does not read, usually a typo of one it does.",
        rationale: "Unknown keys are kept but ignored: a misspelt INSTANCE_TYPE silently leaves the real one unset, and unknown LambdaConfig keys become unused Lambda environment variables.",
        triggering: [.edit(("\"INSTANCE_TYPE\"", "\"INSTANCETYPE\"")), .edit(("\"ContactEmail\": \"lab@example.org\"", "\"ContactEmial\": \"lab@example.org\""))],
        nonTriggering: [.clean, .edit(("\"STAGE\": \"websubstack\",", "\"STAGE\": \"websubstack\", \"Metadata\": {},"))])

    func check(_ bp: Blueprint, _ context: RuleContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let specs = context.facts(bp).specs
        for (o, object) in bp.catalogObjects.enumerated() where specs[o].contains(nil) {
            let candidates = CatalogIndex.container(object.container).map { CatalogIndex.suggestions[$0] } ?? []
            for (m, spec) in zip(object.node.members ?? [], specs[o]) where spec == nil {
                let suggestion = Suggest.phrase(for: m.key, in: candidates)
                let effect = object.container == FieldCatalog.config
                    ? "it becomes a Lambda environment variable that nothing reads"
                    : "NeuroCAAS ignores it"
                out.append(finding(bp, at: m.keyRange, pointer: JSONPointer.appending(object.pointer, m.key),
                                   "unknown key '\(m.key)' in \(object.label)\(suggestion)",
                                   hint: suggestion.isEmpty ? "\(effect); remove it or move it under Metadata" : "\(effect); rename it"))
            }
        }
        return out
    }
}
