struct SecondAccessPathFinding: AuditCheck {
    static let description = FindingDescription(
        id: "BP312", name: "second-access-path", severity: .warning,
        summary: "A user reaches a pipeline's bucket through another group too (e.g. a user-centric group).",
        rationale: "User-profile stacks create `<aff>usercentricgroup` groups whose policies span several pipeline buckets (§4.10), so a bucket can be reached through two independent grants; removing the user from the blueprint does not remove their access.",
        live: true,
        triggering: [AuditExample(.clean, iam: LiveExamples.deployed(extraGroups: [
            .init(name: "cunninghamlabusercentricgroup", members: ["aliceus-east-1"],
                  policies: ["cunninghamlabpolicy": AffiliatePolicy.document(affiliate: "cunninghamlab", bucket: "epi-analysis")])]))],
        nonTriggering: [AuditExample(.clean, iam: LiveExamples.deployed()),
                        AuditExample(.clean, iam: LiveExamples.deployed(extraGroups: [
                            .init(name: "cunninghamlabusercentricgroup", members: ["aliceus-east-1"],
                                  policies: ["p": AffiliatePolicy.document(affiliate: "cunninghamlab", bucket: "other-pipeline")])]))])

    func check(_ input: AuditInput) -> [AuditFinding] {
        guard let iam = input.iam else { return [] }
        let model = input.model
        var reaches: [String: [String]] = [:] // group → resources, computed once per group
        var out: [AuditFinding] = []
        var reported = Set<String>()
        for a in model.affiliates {
            let own = model.groupsByPipeline[a.pipeline] ?? []
            let bucket = "arn:aws:s3:::\(a.pipeline)"
            for m in a.members {
                for g in iam.groupsOfUser[m.key] ?? [] where !own.contains(g) {
                    guard let group = iam.groups[g] else { continue }
                    let resources = reaches[g] ?? group.policies.values.flatMap(AffiliatePolicy.resources)
                    reaches[g] = resources
                    guard resources.contains(where: { $0 == bucket || $0.hasPrefix(bucket + "/") }),
                          reported.insert("\(m.key)|\(a.pipeline)|\(g)").inserted else { continue }
                    out.append(finding(a, "'\(m.iamUser)' also reaches bucket '\(a.pipeline)' through group '\(group.name)'",
                                       hint: "keep one grant: remove the bucket from that group's policy or the user from one of the groups",
                                       at: m.position, user: m.iamUser))
                }
            }
        }
        return out
    }
}
