import BlueprintKit

struct AffiliateNameCharactersFinding: AuditCheck {
    static let description = FindingDescription(
        id: "BP307", name: "affiliate-name-characters", severity: .error,
        summary: "AffiliateName has characters that are not allowed in an IAM group name or that corrupt the policy's S3 ARNs.",
        rationale: "The name is pasted verbatim into the group name and into every ARN of the group policy (§4.7): '*' and '?' become wildcards, '/' adds a path level, spaces and other characters make IAM reject the group.",
        triggering: [AuditExample(.edit(("\"AffiliateName\": \"debuggers\"", "\"AffiliateName\": \"debug*\""))),
                     AuditExample(.edit(("\"AffiliateName\": \"debuggers\"", "\"AffiliateName\": \"Developer Group 1\"")))],
        nonTriggering: [AuditExample(.clean), AuditExample(.edit(("\"AffiliateName\": \"debuggers\"", "\"AffiliateName\": \"jhahnemuni-frankfurtde1626090220\"")))])

    func check(_ input: AuditInput) -> [AuditFinding] {
        input.model.affiliates.compactMap { a in
            let bad = a.name.unicodeScalars.filter { !IAMNames.isLegal(String($0)) }
            guard !bad.isEmpty else { return nil }
            let shown = Array(Set(bad.map { $0 == " " ? "space" : "'\($0)'" })).sorted().joined(separator: ", ")
            let wildcard = bad.contains { "*?/".unicodeScalars.contains($0) }
            return finding(a, "AffiliateName '\(a.name)' has \(shown): \(wildcard ? "it would widen or break the policy's S3 ARNs" : "IAM rejects the group name '\(a.group)'")",
                           hint: "use letters and digits only (the name is also the S3 prefix)")
        }
    }
}
