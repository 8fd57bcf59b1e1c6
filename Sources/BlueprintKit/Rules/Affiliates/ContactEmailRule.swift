struct ContactEmailRule: Rule {
    static let description = RuleDescription(
        id: "BP157", name: "contact-email", severity: .info,
        summary: "ContactEmail is not an e-mail address.",
        rationale: "Nothing reads ContactEmail today, but it is the only place a group's contact is written down; template sentences left there help nobody.",
        triggering: [.edit(("\"ContactEmail\": \"lab@example.org\"", "\"ContactEmail\": \"The email we should notify regarding processing status.\""))],
        nonTriggering: [.clean])

    func check(_ bp: Blueprint, _ context: RuleContext) -> [Diagnostic] {
        let affiliates = bp.affiliates
        // By index: the field alone is read, not a copy of each Affiliate.
        return affiliates.indices.compactMap { i -> Diagnostic? in
            guard let field = affiliates[i].contactEmail, let email = field.node.string, !Self.looksLikeEmail(email) else { return nil }
            return finding(bp, field, "ContactEmail is not an e-mail address: \(field.node.shortDescription)",
                           hint: "put the group's contact address here, or remove the key")
        }
    }

    static func looksLikeEmail(_ s: String) -> Bool {
        s.isASCIIBytes ? looksLikeEmailASCII(s) : looksLikeEmailByCharacters(s)
    }

    /// The same test on bytes (ASCII: one Character per byte, "\r\n" being none of '@', '.', ' ').
    static func looksLikeEmailASCII(_ s: String) -> Bool {
        var ats = 0, atIndex = -1, dotAfterAt = false, index = 0
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: " "): return false
            case UInt8(ascii: "@"): ats += 1; atIndex = index
            case UInt8(ascii: "."): if ats == 1 { dotAfterAt = true }
            default: break
            }
            index += 1
        }
        return ats == 1 && atIndex > 0 && dotAfterAt
    }

    static func looksLikeEmailByCharacters(_ s: String) -> Bool {
        let parts = s.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains("." as Character) && !s.contains(" " as Character)
    }
}
