struct ToolStateRule: Rule {
    static let description = RuleDescription(
        id: "BP104", name: "tool-state", severity: .warning,
        summary: "neurocaas-contrib's local state (image history, localenv, …) is stored in the blueprint.",
        rationale: "contrib writes its dev state into the blueprint; committed, it leaks laptop paths and churns diffs.",
        triggering: [.edit(("\"STAGE\": \"websubstack\",", "\"STAGE\": \"websubstack\", \"localenv\": \"/Users/me/envs/epi\","))],
        nonTriggering: [.clean])

    func check(_ bp: Blueprint, _ context: RuleContext) -> [Diagnostic] {
        let keys = (bp.root.members ?? []).filter { FieldCatalog.spec(container: "", key: $0.key)?.status == .toolState }
        guard let first = keys.first else { return [] }
        var message = "neurocaas-contrib tool state in the blueprint: \(keys.map(\.key).joined(separator: ", "))"
        if let local = bp.root["localenv"]?.string, local.hasPrefix("/") {
            message += "; localenv leaks a local path (/\(local.split(separator: "/").prefix(2).joined(separator: "/"))/...)"
        }
        return [finding(bp, at: first.keyRange, pointer: "/" + JSONPointer.escape(first.key), message,
                        hint: "remove these keys before committing; they describe one developer's machine")]
    }
}
