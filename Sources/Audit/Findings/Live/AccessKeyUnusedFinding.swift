struct AccessKeyUnusedFinding: AuditCheck {
    static let description = FindingDescription(
        id: "BP315", name: "access-key-unused", severity: .warning,
        summary: "An active access key has not been used for 90 days or more (or never, and is 90+ days old).",
        rationale: "An unused key is risk without benefit: nobody notices when it leaks. Prowler (iam_user_accesskey_unused) and Access Analyzer flag the same.",
        live: true,
        triggering: [AuditExample(.clean, iam: LiveExamples.deployed { $0[0].keys = [LiveExamples.key(createdDaysAgo: 200, usedDaysAgo: 120, at: 300)] }, days: 300),
                     AuditExample(.clean, iam: LiveExamples.deployed { $0[0].keys = [LiveExamples.key(createdDaysAgo: 95, usedDaysAgo: nil, at: 300)] }, days: 300)],
        nonTriggering: [AuditExample(.clean, iam: LiveExamples.deployed { $0[0].keys = [LiveExamples.key(createdDaysAgo: 200, usedDaysAgo: 3, at: 300)] }, days: 300),
                        AuditExample(.clean, iam: LiveExamples.deployed { $0[0].keys = [LiveExamples.key(createdDaysAgo: 200, usedDaysAgo: 120, at: 300, active: false)] }, days: 300)])

    func check(_ input: AuditInput) -> [AuditFinding] {
        let limit = input.options.unusedKeyDays
        return AuditedUser.all(input).flatMap { u in
            u.user.keys.filter(\.active).compactMap { key -> AuditFinding? in
                guard let since = key.lastUsed ?? key.created else { return nil }
                let idle = input.options.now.days(since: since)
                guard idle >= limit else { return nil }
                let what = key.lastUsed == nil ? "never used (created \(idle) days ago)" : "unused for \(idle) days"
                return finding("\(key.label) of '\(u.user.name)' is active but \(what)", hint: "deactivate and delete the key; issue a new one when needed",
                               user: u.user.name, at: u.at)
            }
        }
    }
}
