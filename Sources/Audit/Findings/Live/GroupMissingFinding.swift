struct GroupMissingFinding: AuditCheck {
    static let description = FindingDescription(
        id: "BP313", name: "group-missing", severity: .warning,
        summary: "The IAM group an affiliate's deploy creates does not exist.",
        rationale: "Either the pipeline is not deployed, or it was deployed under another STAGE or PipelineName; the blueprint's users have no access through it.",
        live: true,
        triggering: [AuditExample(.clean, iam: LiveExamples.deployed(dropGroups: [LiveExamples.debugGroup]))],
        nonTriggering: [AuditExample(.clean, iam: LiveExamples.deployed())])

    func check(_ input: AuditInput) -> [AuditFinding] {
        guard let iam = input.iam else { return [] }
        return input.model.affiliates.filter { iam.group($0.group) == nil }.map { a in
            finding(a, "IAM group '\(a.group)' for affiliate '\(a.name)' of '\(a.pipeline)' does not exist",
                    hint: "deploy the pipeline, or check STAGE and PipelineName against what is deployed")
        }
    }
}
