struct FleetUserGroupLimitRule: FleetRule {
    static let description = RuleDescription(
        id: "BP161", name: "fleet-user-group-limit", severity: .error,
        summary: "A user is in more than 10 affiliate groups across the blueprints validated together.",
        rationale: "Every affiliate is an IAM group and IAM allows a user in at most 10 groups; the compiler asserts this and the 11th pipeline fails to deploy.",
        triggering: [.fleet((0..<11).map { [("\"PipelineName\": \"epi-analysis\"", "\"PipelineName\": \"epi-analysis-\($0)\"")] })],
        nonTriggering: [.fleet((0..<5).map { [("\"PipelineName\": \"epi-analysis\"", "\"PipelineName\": \"epi-analysis-\($0)\"")] })])

    func check(_ fleet: [Blueprint], _ context: RuleContext) -> [Diagnostic] {
        // user → every (blueprint, located entry), counting one membership per affiliate.
        var memberships: [ScalarKey: [(Blueprint, Located<String>)]] = [:] // IAM compares code points
        var order: [ScalarKey] = []
        for bp in fleet {
            for a in bp.affiliates {
                var inThisGroup = Set<ScalarKey>()
                for user in a.users where !TemplateLeftover.matches(user.value) && inThisGroup.insert(ScalarKey(user.value)).inserted {
                    if memberships[ScalarKey(user.value)] == nil { order.append(ScalarKey(user.value)) }
                    memberships[ScalarKey(user.value), default: []].append((bp, user))
                }
            }
        }
        var out: [Diagnostic] = []
        for key in order {
            let list = memberships[key]!
            let user = key.string
            guard list.count > IAMNames.maxGroupsPerUser else { continue }
            let (firstBP, firstEntry) = list[0]
            for (bp, entry) in list.dropFirst(IAMNames.maxGroupsPerUser) {
                out.append(finding(bp, at: entry.range, pointer: entry.pointer,
                                   "user '\(user)' is in \(list.count) affiliate groups across these blueprints; IAM allows \(IAMNames.maxGroupsPerUser)",
                                   hint: "remove the user from groups they no longer use",
                                   related: [.init(message: "first membership", file: firstBP.source.path,
                                                   location: firstBP.source.location(of: firstEntry.range.start))]))
            }
        }
        return out
    }
}
