struct AffiliateWithoutUsersFinding: AuditCheck {
    static let description = FindingDescription(
        id: "BP303", name: "affiliate-without-users", severity: .warning,
        summary: "An affiliate lists no users (UserNames empty, missing or template text).",
        rationale: "The deploy still creates the group, its policy and its S3 folders, but nobody can use them: a leftover or an affiliate whose users were never added.",
        triggering: [AuditExample(.edit(("\"UserNames\": [\"carol\"]", "\"UserNames\": []"))),
                     AuditExample(.edit(("\"UserNames\": [\"carol\"]", "\"UserNames\": [\"[list of strings describing user names]\"]")))],
        nonTriggering: [AuditExample(.clean)])

    func check(_ input: AuditInput) -> [AuditFinding] {
        input.model.affiliates.filter(\.members.isEmpty).map {
            finding($0, "affiliate '\($0.name)' of '\($0.pipeline)' has no users", hint: "add the group's users to UserNames, or remove the affiliate")
        }
    }
}
