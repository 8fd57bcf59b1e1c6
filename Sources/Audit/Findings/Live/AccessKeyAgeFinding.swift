struct AccessKeyAgeFinding: AuditCheck {
    static let description = FindingDescription(
        id: "BP316", name: "access-key-age", severity: .warning,
        summary: "An active access key is older than --max-key-age days.",
        rationale: "user-profile stacks hand out long-lived keys (§4.10) and rotate them only when KeySerialNumber changes; old keys have had the most chances to leak (Prowler: iam_rotate_access_key_90_days).",
        live: true,
        triggering: [AuditExample(.clean, iam: LiveExamples.deployed { $0[1].keys = [LiveExamples.key(createdDaysAgo: 100, usedDaysAgo: 1, at: 300)] }, days: 300, maxKeyAge: 90)],
        nonTriggering: [AuditExample(.clean, iam: LiveExamples.deployed { $0[1].keys = [LiveExamples.key(createdDaysAgo: 100, usedDaysAgo: 1, at: 300)] }, days: 300, maxKeyAge: 120),
                        AuditExample(.clean, iam: LiveExamples.deployed { $0[1].keys = [LiveExamples.key(createdDaysAgo: 100, usedDaysAgo: 1, at: 300)] }, days: 300)])

    func check(_ input: AuditInput) -> [AuditFinding] {
        guard let limit = input.options.maxKeyAge else { return [] }
        return AuditedUser.all(input).flatMap { u in
            u.user.keys.filter(\.active).compactMap { key -> AuditFinding? in
                guard let created = key.created else { return nil }
                let age = input.options.now.days(since: created)
                guard age > limit else { return nil }
                return finding("\(key.label) of '\(u.user.name)' is \(age) days old (limit \(limit))", hint: "rotate the key: create a new one, switch, delete the old",
                               user: u.user.name, at: u.at)
            }
        }
    }
}
