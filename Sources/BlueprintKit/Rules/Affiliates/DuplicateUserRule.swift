struct DuplicateUserRule: Rule {
    static let description = RuleDescription(
        id: "BP155", name: "duplicate-user", severity: .warning,
        summary: "A user is listed twice in one affiliate or in more than one affiliate of the blueprint.",
        rationale: "Each affiliate is an IAM group and a user can be in at most 10 groups; listing a user in two affiliates spends two of them and splits their data between two S3 prefixes.",
        triggering: [.edit(("\"UserNames\": [\"carol\"]", "\"UserNames\": [\"alice\"]")),
                     .edit(("\"UserNames\": [\"carol\"]", "\"UserNames\": [\"carol\", \"carol\"]"))],
        nonTriggering: [.clean])

    func check(_ bp: Blueprint, _ context: RuleContext) -> [Diagnostic] {
        // user → (affiliate, entry) positions of its first listing; IAM compares code points.
        // Positions, not copies: copying Affiliate values cost more than the lookups.
        let affiliates = bp.affiliates
        var seen = NameMap<(affiliate: Int, entry: Int)>(capacity: affiliates.reduce(0) { $0 + $1.users.count })
        var out: [Diagnostic] = []
        for (ai, a) in affiliates.enumerated() {
            for (ui, user) in a.users.enumerated() where !TemplateLeftover.matches(user.value) {
                guard let p = seen.position(of: user.value) else {
                    seen.append(user.value, (ai, ui))
                    continue
                }
                let firstAt = seen[p]
                let firstAffiliate = affiliates[firstAt.affiliate], first = firstAffiliate.users[firstAt.entry]
                let sameGroup = firstAffiliate.index == a.index
                let related = Diagnostic.Related(message: "first listed here", file: bp.source.path,
                                                 location: bp.source.location(of: first.range.start))
                let groupName = firstAffiliate.name?.node.string.map { "'\($0)'" } ?? "affiliate \(firstAffiliate.index + 1)"
                out.append(finding(bp, at: user.range, pointer: user.pointer,
                                   sameGroup ? "user '\(user.value)' is listed twice in this affiliate"
                                             : "user '\(user.value)' is also in affiliate \(groupName): it takes two IAM group slots",
                                   hint: sameGroup ? "remove the second entry" : "keep the user in one affiliate unless they need both",
                                   related: [related]))
            }
        }
        return out
    }
}
