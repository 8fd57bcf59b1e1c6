import BlueprintKit

struct UserNameFinding: AuditCheck {
    static let description = FindingDescription(
        id: "BP305", name: "iam-user-name", severity: .error,
        summary: "The IAM user name `<UserName><REGION>` is over 64 characters or has characters IAM does not allow.",
        rationale: "The deploy looks up IAM user `<UserName><REGION>` (§4.9); IAM user names are at most 64 characters of letters, digits and +=,.@_-, so such a user cannot exist and the deploy fails.",
        triggering: [AuditExample(.edit(("\"carol\"", "\"\(String(repeating: "carol", count: 12))\""))),
                     AuditExample(.edit(("\"carol\"", "\"carol smith\"")))],
        nonTriggering: [AuditExample(.clean), AuditExample(.edit(("\"carol\"", "\"carol.smith@example.org\"")))])

    func check(_ input: AuditInput) -> [AuditFinding] {
        input.model.affiliates.flatMap { a in
            a.members.compactMap { m -> AuditFinding? in
                if m.iamUser.count > IAMNames.maxUserName {
                    return finding(a, "IAM user '\(m.iamUser.prefix(24))…' would be \(m.iamUser.count) characters (limit \(IAMNames.maxUserName))",
                                   hint: "shorten the user name to at most \(IAMNames.maxUserName - m.region.count) characters", at: m.position, user: m.iamUser)
                }
                if !Self.isLegal(m.iamUser) {
                    return finding(a, "IAM user '\(m.iamUser)' has characters IAM does not allow",
                                   hint: "use letters, digits and + = , . @ _ - only", at: m.position, user: m.iamUser)
                }
                return nil
            }
        }
    }

    /// IAMNames.isLegal with an ASCII fast path (it runs on every user of every blueprint).
    static func isLegal(_ name: String) -> Bool {
        let simple = !name.isEmpty && name.utf8.allSatisfy { b in
            (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b == 0x2E || b == 0x2D || b == 0x5F || b == 0x40
        }
        return simple || IAMNames.isLegal(name)
    }
}
