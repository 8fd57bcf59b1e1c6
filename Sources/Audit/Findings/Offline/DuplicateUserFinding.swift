import BlueprintKit

struct DuplicateUserFinding: AuditCheck {
    static let description = FindingDescription(
        id: "BP302", name: "duplicate-user", severity: .warning,
        summary: "A user is listed twice in one blueprint: twice in an affiliate, or in two of its affiliates.",
        rationale: "Twice in one affiliate is a slip; in two affiliates of one pipeline the user spends two of their 10 IAM group slots and their data is split across two S3 prefixes.",
        triggering: [AuditExample(.edit(("\"UserNames\": [\"carol\"]", "\"UserNames\": [\"alice\"]"))),
                     AuditExample(.edit(("\"UserNames\": [\"carol\"]", "\"UserNames\": [\"carol\", \"carol\"]")))],
        nonTriggering: [AuditExample(.clean), AuditExample(.fleet([[], [("\"PipelineName\": \"epi-analysis\"", "\"PipelineName\": \"dlc\"")]]))])

    func check(_ input: AuditInput) -> [AuditFinding] {
        let model = input.model
        var out: [AuditFinding] = []
        var first: [String: AuditModel.Membership] = [:]
        var file = -1
        for a in model.affiliates {
            if a.file != file { first = [:]; file = a.file }
            for m in a.members {
                let key = m.key
                guard let earlier = first[key] else { first[key] = m; continue }
                let other = model.affiliate(of: earlier)
                let same = earlier.affiliate == m.affiliate
                out.append(finding(a, same ? "user '\(m.declared)' is listed twice in affiliate '\(a.name)'"
                                           : "user '\(m.declared)' is also in affiliate '\(other.name)' of this pipeline: two IAM group slots",
                                   hint: same ? "remove the second entry" : "keep the user in one affiliate unless they need both",
                                   at: m.position, user: m.iamUser, related: earlier.position))
            }
        }
        return out
    }
}
