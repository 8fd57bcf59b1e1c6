struct UserMissingFinding: AuditCheck {
    static let description = FindingDescription(
        id: "BP310", name: "user-missing", severity: .error,
        summary: "A user in a blueprint does not exist in IAM as `<UserName><REGION>`.",
        rationale: "Pipeline stacks do not create users (§4.10); the deploy looks each one up and stops at the first missing user, so no template is produced.",
        live: true,
        triggering: [AuditExample(.clean, iam: LiveExamples.deployed(dropUsers: ["bobus-east-1"]))],
        nonTriggering: [AuditExample(.clean, iam: LiveExamples.deployed())])

    func check(_ input: AuditInput) -> [AuditFinding] {
        guard let iam = input.iam else { return [] }
        return input.model.affiliates.flatMap { a in
            a.members.filter { iam.user($0.iamUser) == nil }.map { m in
                finding(a, "IAM user '\(m.iamUser)' does not exist", hint: "create the user (user-profile stacks do) or fix the name; the deploy fails until it exists",
                        at: m.position, user: m.iamUser)
            }
        }
    }
}
