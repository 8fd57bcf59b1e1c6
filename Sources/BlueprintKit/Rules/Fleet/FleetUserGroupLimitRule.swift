struct FleetUserGroupLimitRule: FleetRule {
    static let description = RuleDescription(
        id: "BP161", name: "fleet-user-group-limit", severity: .error,
        summary: "A user is in more than 10 affiliate groups across the blueprints validated together.",
        rationale: "Every affiliate is an IAM group and IAM allows a user in at most 10 groups; the compiler asserts this and the 11th pipeline fails to deploy.",
        triggering: [.fleet((0..<11).map { [("\"PipelineName\": \"epi-analysis\"", "\"PipelineName\": \"epi-analysis-\($0)\"")] })],
        nonTriggering: [.fleet((0..<5).map { [("\"PipelineName\": \"epi-analysis\"", "\"PipelineName\": \"epi-analysis-\($0)\"")] })])

    func check(_ fleet: [Blueprint], _ context: RuleContext) -> [Diagnostic] {
        // user → every (blueprint position in fleet, affiliate index, located entry), counting one
        // membership per affiliate; IAM compares code points. Positions, not Blueprint copies,
        // which cost more than everything else here.
        // users.names[p] is the p-th user seen, memberships[p] its list.
        var users = NameMap<Void>(capacity: 64)
        var memberships: [[(blueprint: Int, affiliate: Int, entry: Located<String>)]] = []
        for b in fleet.indices {
            for a in fleet[b].affiliates {
                for user in a.users where !TemplateLeftover.matches(user.value) {
                    if let p = users.position(of: user.value) {
                        // An affiliate's entries are visited together: a repeat in the same list is its last membership.
                        if let last = memberships[p].last, last.blueprint == b && last.affiliate == a.index { continue }
                        memberships[p].append((b, a.index, user))
                    } else {
                        users.append(user.value, ())
                        memberships.append([(b, a.index, user)])
                    }
                }
            }
        }
        var out: [Diagnostic] = []
        for (p, user) in users.names.enumerated() {
            let list = memberships[p]
            guard list.count > IAMNames.maxGroupsPerUser else { continue }
            let firstBP = fleet[list[0].blueprint], firstEntry = list[0].entry
            for (b, _, entry) in list.dropFirst(IAMNames.maxGroupsPerUser) {
                let bp = fleet[b]
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
