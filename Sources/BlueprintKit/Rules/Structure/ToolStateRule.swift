struct ToolStateRule: Rule {
    static let description = RuleDescription(
        id: "BP104", name: "tool-state", severity: .warning,
        summary: "neurocaas-contrib's local state (image history, localenv, …) is stored in the blueprint.",
        rationale: "contrib writes its dev state into the blueprint; committed, it leaks laptop paths and churns diffs.",
        triggering: [.edit(("\"STAGE\": \"websubstack\",", "\"STAGE\": \"websubstack\", \"localenv\": \"/Users/me/envs/epi\","))],
        nonTriggering: [.clean])

    func check(_ bp: Blueprint, _ context: RuleContext) -> [Diagnostic] {
        // The root, when it is an object, is the first catalog object.
        guard bp.root.isObject, let rootSpecs = context.facts(bp).specs.first,
              rootSpecs.contains(where: { $0.map { CatalogIndex.isToolState[$0] } ?? false }) else { return [] }
        let keys = zip(bp.root.members ?? [], rootSpecs).filter { $0.1.map { CatalogIndex.isToolState[$0] } ?? false }.map(\.0)
        guard let first = keys.first else { return [] }
        var message = "neurocaas-contrib tool state in the blueprint: \(keys.map(\.key).joinedText(separator: ", "))"
        if let local = bp.root["localenv"]?.string, local.hasPrefix("/") {
            message += "; localenv leaks a local path (/\(local.split(separator: "/").prefix(2).map(String.init).joinedText(separator: "/"))/...)"
        }
        return [finding(bp, at: first.keyRange, pointer: "/" + JSONPointer.escape(first.key), message,
                        hint: "remove these keys before committing; they describe one developer's machine")]
    }
}
