struct GroupNameLengthRule: Rule {
    static let description = RuleDescription(
        id: "BP158", name: "group-name-length", severity: .error,
        summary: "The IAM group name derived from the affiliate and pipeline is over 128 characters.",
        rationale: "websubstack names the group <AffiliateName><PipelineName without dashes>substackgroup; IAM rejects names over 128 characters and the affiliate's substack fails.",
        triggering: [.edit(("\"AffiliateName\": \"debuggers\"", "\"AffiliateName\": \"\(String(repeating: "debuggers", count: 13))\""))],
        nonTriggering: [.clean])

    func check(_ bp: Blueprint, _ context: RuleContext) -> [Diagnostic] {
        guard let pipeline = bp.pipelineName?.realString else { return [] }
        let affiliates = bp.affiliates
        // By index: the field alone is read, not a copy of each Affiliate.
        return affiliates.indices.compactMap { i -> Diagnostic? in
            guard let field = affiliates[i].name, let name = field.realString else { return nil }
            // The group has at most these bytes, and a Character at least one byte: most names
            // are decided without building the group name.
            guard name.utf8.count + pipeline.utf8.count + "substackgroup".utf8.count > IAMNames.maxGroupName else { return nil }
            let group = IAMNames.group(affiliate: name, pipeline: pipeline, stage: bp.stageValue)
            // A Character has at least one byte: within the limit in bytes, within it in Characters.
            guard group.utf8.count > IAMNames.maxGroupName, group.count > IAMNames.maxGroupName else { return nil }
            return finding(bp, field, "the IAM group name for '\(name.prefix(20))...' would be \(group.count) characters (limit \(IAMNames.maxGroupName))",
                           hint: "shorten AffiliateName to at most \(IAMNames.maxGroupName - (group.count - name.count)) characters")
        }
    }
}
