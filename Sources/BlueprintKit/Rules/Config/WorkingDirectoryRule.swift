struct WorkingDirectoryRule: Rule {
    static let description = RuleDescription(
        id: "BP137", name: "working-directory", severity: .warning,
        summary: "WORKING_DIRECTORY looks wrong (a home directory nested in ~, or a relative path).",
        rationale: "SSM runs COMMAND in WORKING_DIRECTORY; '~/home/ec2-user' expands to /home/<user>/home/ec2-user, which does not exist, and the command fails before it starts.",
        triggering: [.edit(("\"WORKING_DIRECTORY\": \"~/bin\"", "\"WORKING_DIRECTORY\": \"~/home/ec2-user\""))],
        nonTriggering: [.clean, .edit(("\"WORKING_DIRECTORY\": \"~/bin\"", "\"WORKING_DIRECTORY\": \"/home/ubuntu\""))])

    func check(_ bp: Blueprint, _ context: RuleContext) -> [Diagnostic] {
        guard let field = bp.lambda?.config?.workingDirectory, let dir = field.realString, !dir.isEmpty else { return [] }
        if dir.hasPrefix("~/home/") {
            return [finding(bp, field, "WORKING_DIRECTORY '\(dir)' is a home directory inside ~ (it expands to ~/home/...)",
                            hint: "use '\(String(dir.dropFirst(1)))' or '~/bin'")]
        }
        if !dir.hasPrefix("/") && !dir.hasPrefix("~") {
            return [finding(bp, field, "WORKING_DIRECTORY '\(dir)' is relative; SSM resolves it against an unspecified directory",
                            hint: "use an absolute path such as /home/ubuntu")]
        }
        return []
    }
}
