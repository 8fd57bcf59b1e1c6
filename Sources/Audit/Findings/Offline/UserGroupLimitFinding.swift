import BlueprintKit

struct UserGroupLimitFinding: AuditCheck {
    static let description = FindingDescription(
        id: "BP301", name: "user-group-limit", severity: .error,
        summary: "An IAM user would be in more than 10 groups across the audited blueprints.",
        rationale: "Every affiliate of every pipeline is an IAM group (named by STAGE, §4.9) and IAM allows a user in at most 10; the deploy asserts this, so the pipeline that adds the 11th group fails. Develop-stage affiliates of the same name share one group and count once.",
        triggering: [AuditExample(.fleet((0..<11).map { [("\"PipelineName\": \"epi-analysis\"", "\"PipelineName\": \"epi-analysis-\($0)\"")] }))],
        nonTriggering: [AuditExample(.fleet((0..<10).map { [("\"PipelineName\": \"epi-analysis\"", "\"PipelineName\": \"epi-analysis-\($0)\"")] })),
                        // develop names the group '<aff>group' with no pipeline suffix: 11 pipelines, one group.
                        AuditExample(.fleet((0..<11).map { [("\"PipelineName\": \"epi-analysis\"", "\"PipelineName\": \"epi-analysis-\($0)\""),
                                                            ("\"STAGE\": \"websubstack\"", "\"STAGE\": \"develop\"")] }))])

    func check(_ input: AuditInput) -> [AuditFinding] {
        let model = input.model
        var out: [AuditFinding] = []
        for user in model.users {
            let key = user.lowercased()
            let groups = model.groupsByUser[key] ?? []
            guard groups.count > IAMNames.maxGroupsPerUser else { continue }
            let allowed = Set(groups.prefix(IAMNames.maxGroupsPerUser))
            let memberships = model.membershipsByUser[key] ?? []
            let tenth = memberships.first { model.affiliate(of: $0).groupKey == groups[IAMNames.maxGroupsPerUser - 1] }
            var reported = Set<String>()
            for m in memberships {
                let a = model.affiliate(of: m)
                let g = a.groupKey
                guard !allowed.contains(g), reported.insert(g).inserted else { continue }
                out.append(finding(a, "user '\(user)' would be in \(groups.count) IAM groups; IAM allows \(IAMNames.maxGroupsPerUser), so group '\(a.group)' cannot take them",
                                   hint: "remove the user from affiliates they no longer use", at: m.position, user: user,
                                   related: tenth?.position))
            }
        }
        return out
    }
}
