struct UserNamesRule: Rule {
    static let description = RuleDescription(
        id: "BP154", name: "user-names", severity: .error,
        summary: "UserNames is empty, or an entry is not a legal IAM user base name.",
        rationale: "Each entry becomes the IAM user <name><REGION>, which must exist at compile time: IAM names allow letters, digits and +=,.@_- and at most 64 characters including the region suffix.",
        triggering: [.edit(("\"UserNames\": [\"carol\"]", "\"UserNames\": []")),
                     .edit(("\"UserNames\": [\"carol\"]", "\"UserNames\": [\"carol smith\"]")),
                     .edit(("\"UserNames\": [\"carol\"]", "\"UserNames\": [42]"))],
        nonTriggering: [.clean, .edit(("\"UserNames\": [\"carol\"]", "\"UserNames\": [\"carol.smith+lab\"]"))])

    func check(_ bp: Blueprint, _ context: RuleContext) -> [Diagnostic] {
        let region = bp.lambda?.config?.region?.node.string ?? "us-east-1"
        var out: [Diagnostic] = []
        for a in bp.affiliates {
            guard let field = a.userNames, let elements = field.node.elements else { continue }
            if elements.isEmpty {
                out.append(finding(bp, field, "UserNames is empty: the group has no members", hint: "list the users' base names, e.g. [\"alice\"]"))
            }
            for (i, e) in elements.enumerated() {
                var pointer: String { JSONPointer.appending(field.pointer, i) } // built only for a finding
                guard let name = e.string else {
                    out.append(finding(bp, at: e.range, pointer: pointer, "UserNames entries must be strings, not \(e.shortDescription)",
                                       hint: "quote the name: \"\(e.number?.raw ?? "name")\""))
                    continue
                }
                if TemplateLeftover.matches(name) { continue }
                let legal = IAMNames.isLegal(name)
                // A Character has at least one byte: within the limit in bytes, within it in Characters.
                if legal, name.utf8.count + region.utf8.count <= IAMNames.maxUserName { continue }
                if !legal {
                    out.append(finding(bp, at: e.range, pointer: pointer, "user name '\(name)' has characters IAM does not allow",
                                       hint: "IAM user names use letters, digits and + = , . @ _ -"))
                } else if IAMNames.user(name, region: region).count > IAMNames.maxUserName {
                    out.append(finding(bp, at: e.range, pointer: pointer,
                                       "IAM user '\(IAMNames.user(name, region: region))' would be \(name.count + region.count) characters (limit \(IAMNames.maxUserName))",
                                       hint: "shorten the user name to \(IAMNames.maxUserName - region.count) characters"))
                }
            }
        }
        return out
    }
}
