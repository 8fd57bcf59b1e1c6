struct ContactEmailFinding: AuditCheck {
    static let description = FindingDescription(
        id: "BP304", name: "contact-email", severity: .info,
        summary: "An affiliate's ContactEmail is not an e-mail address.",
        rationale: "ContactEmail is the only place a group's contact is written down; an audit that finds a problem with a group needs someone to tell.",
        triggering: [AuditExample(.edit(("\"ContactEmail\": \"lab@example.org\"", "\"ContactEmail\": \"The email we should notify regarding processing status.\"")))],
        nonTriggering: [AuditExample(.clean)])

    func check(_ input: AuditInput) -> [AuditFinding] {
        input.model.affiliates.compactMap { a in
            guard let (email, position) = a.contactEmail, !Self.looksLikeEmail(email) else { return nil }
            return finding(a, "ContactEmail of affiliate '\(a.name)' is not an e-mail address: \"\(email.prefix(40))\(email.count > 40 ? "…" : "")\"",
                           hint: "put the group's contact address here", at: position)
        }
    }

    static func looksLikeEmail(_ s: String) -> Bool {
        let parts = s.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !parts[1].hasPrefix(".") && !parts[1].hasSuffix(".")
            && !s.contains(where: \.isWhitespace)
    }
}
