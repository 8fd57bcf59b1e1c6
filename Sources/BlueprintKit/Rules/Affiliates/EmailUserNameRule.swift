struct EmailUserNameRule: Rule {
    static let description = RuleDescription(
        id: "BP156", name: "email-user-name", severity: .warning,
        summary: "A user name is an e-mail address.",
        rationale: "IAM accepts it, but the real user is '<address><REGION>' (e.g. adam@lab.orgus-east-1), which is easy to get wrong when creating the user and mixes case-sensitive local parts into IAM.",
        triggering: [.edit(("\"UserNames\": [\"carol\"]", "\"UserNames\": [\"carol@lab.org\"]"))],
        nonTriggering: [.clean])

    func check(_ bp: Blueprint, _ context: RuleContext) -> [Diagnostic] {
        let region = bp.lambda?.config?.region?.node.string ?? "us-east-1"
        return bp.affiliates.flatMap { a in
            // No '@' byte, no '@' Character: the byte test spares the Character walk.
            a.users.filter { $0.value.utf8.contains(UInt8(ascii: "@")) && $0.value.contains("@" as Character) && IAMNames.isLegal($0.value) }.map { user in
                finding(bp, user, "user name '\(user.value)' is an e-mail address; the IAM user must be named '\(IAMNames.user(user.value, region: region))'",
                        hint: "prefer a short lowercase id such as the person's uni or login")
            }
        }
    }
}
