import BlueprintKit

struct GroupNameLengthFinding: AuditCheck {
    static let description = FindingDescription(
        id: "BP306", name: "group-name-length", severity: .error,
        summary: "The IAM group the deploy creates for an affiliate is over 128 characters.",
        rationale: "Group names are `<aff>group`, `<aff><pipeid>group` or `<aff><pipeid>substackgroup` by STAGE (§4.9); IAM rejects names over 128 characters and the affiliate's stack fails.",
        triggering: [AuditExample(.edit(("\"AffiliateName\": \"debuggers\"", "\"AffiliateName\": \"\(String(repeating: "debuggers", count: 13))\"")))],
        nonTriggering: [AuditExample(.clean)])

    func check(_ input: AuditInput) -> [AuditFinding] {
        input.model.affiliates.filter { $0.group.count > IAMNames.maxGroupName }.map { a in
            finding(a, "IAM group for affiliate '\(a.name.prefix(20))…' would be \(a.group.count) characters (limit \(IAMNames.maxGroupName))",
                    hint: "shorten AffiliateName to at most \(IAMNames.maxGroupName - (a.group.count - a.name.count)) characters")
        }
    }
}
