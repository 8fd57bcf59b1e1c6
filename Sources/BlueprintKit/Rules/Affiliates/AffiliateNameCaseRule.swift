struct AffiliateNameCaseRule: Rule {
    static let description = RuleDescription(
        id: "BP153", name: "affiliate-name-case", severity: .warning,
        summary: "AffiliateName has uppercase letters.",
        rationale: "IAM accepts them, but the name is also the S3 prefix users type and the group-name part IAM compares case-insensitively; lowercase avoids 'Lab/' vs 'lab/' confusion.",
        triggering: [.edit(("\"AffiliateName\": \"debuggers\"", "\"AffiliateName\": \"Debuggers\""))],
        nonTriggering: [.clean])

    func check(_ bp: Blueprint, _ context: RuleContext) -> [Diagnostic] {
        let affiliates = bp.affiliates
        // By index: the field alone is read, not a copy of each Affiliate.
        return affiliates.indices.compactMap { i -> Diagnostic? in
            guard let field = affiliates[i].name, let name = field.realString, Self.isMixedCaseIdentifier(name) else { return nil }
            return finding(bp, field, "AffiliateName '\(name)' has uppercase letters; its S3 prefix is case-sensitive",
                           hint: "prefer '\(name.lowercased())' for new affiliates (renaming an existing one moves its S3 prefix)")
        }
    }

    /// Uppercase letters, and nothing but ASCII letters, digits and '-'. The answer needs ASCII,
    /// where bytes are Characters: a non-ASCII name is never one (no Character walk needed).
    static func isMixedCaseIdentifier(_ name: String) -> Bool {
        var upper = false
        for b in name.utf8 {
            guard ASCII.isAlphanumeric(b) || b == UInt8(ascii: "-") else { return false }
            if ASCII.isUpper(b) { upper = true }
        }
        return upper
    }
}
