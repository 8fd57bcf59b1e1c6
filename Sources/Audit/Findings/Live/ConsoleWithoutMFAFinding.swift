struct ConsoleWithoutMFAFinding: AuditCheck {
    static let description = FindingDescription(
        id: "BP317", name: "console-without-mfa", severity: .error,
        summary: "A user can sign in to the console with a password and has no MFA device.",
        rationale: "user-profile stacks give every user a console password and publish it as a stack output (§4.10); without MFA that password alone opens the account (Prowler: iam_user_mfa_enabled_console_access).",
        live: true,
        triggering: [AuditExample(.clean, iam: LiveExamples.deployed { $0[2].passwordEnabled = true })],
        nonTriggering: [AuditExample(.clean, iam: LiveExamples.deployed { $0[2].passwordEnabled = true; $0[2].mfaActive = true }),
                        AuditExample(.clean, iam: LiveExamples.deployed())])

    func check(_ input: AuditInput) -> [AuditFinding] {
        AuditedUser.all(input).filter { $0.user.passwordEnabled == true && $0.user.mfaActive == false }.map { u in
            finding("'\(u.user.name)' has a console password and no MFA device", hint: "enable MFA for the user, or delete the login profile if they only use keys",
                    user: u.user.name, at: u.at)
        }
    }
}
