struct UndeclaredMemberFinding: AuditCheck {
    static let description = FindingDescription(
        id: "BP311", name: "undeclared-member", severity: .warning,
        summary: "A member of an affiliate's IAM group is listed in no blueprint that creates the group.",
        rationale: "Access granted outside the blueprint: someone added the user by hand, or removed them from UserNames without redeploying. Either way the blueprint no longer says who can read and write the affiliate's data.",
        live: true,
        triggering: [AuditExample(.clean, iam: LiveExamples.deployed(extraUsers: [.init(name: "malloryus-east-1")],
                                                                    labMembers: ["aliceus-east-1", "bobus-east-1", "malloryus-east-1"]))],
        nonTriggering: [AuditExample(.clean, iam: LiveExamples.deployed())])

    func check(_ input: AuditInput) -> [AuditFinding] {
        guard let iam = input.iam else { return [] }
        let model = input.model
        var out: [AuditFinding] = []
        for (key, indices) in model.affiliatesByGroup.sorted(by: { $0.key < $1.key }) {
            guard let group = iam.group(key) else { continue }
            let declared = Set(indices.flatMap { model.affiliates[$0].members.map { $0.key } })
            let a = model.affiliates[indices[0]]
            for member in group.members where !declared.contains(member.lowercased()) {
                out.append(finding(a, "'\(member)' is a member of group '\(group.name)' but no blueprint lists them",
                                   hint: "add the user to UserNames of affiliate '\(a.name)', or remove them from the group", user: member))
            }
        }
        return out
    }
}
