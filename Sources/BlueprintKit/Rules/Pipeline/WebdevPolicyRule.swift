struct WebdevPolicyRule: Rule {
    static let description = RuleDescription(
        id: "BP115", name: "webdev-policy-defect", severity: .warning,
        summary: "STAGE webdev deploys a user policy that has been broken since commit 119b5ed.",
        rationale: "A missing comma in the webdev policy glues the submissions and results ARNs together: webdev users cannot upload submit.json and lose the results write grant.",
        triggering: [.edit(("\"STAGE\": \"websubstack\"", "\"STAGE\": \"webdev\""))],
        nonTriggering: [.clean])

    func check(_ bp: Blueprint, _ context: RuleContext) -> [Diagnostic] {
        guard let stage = bp.stage, stage.node.string == "webdev" else { return [] }
        return [finding(bp, stage, "STAGE webdev deploys a broken user policy: users cannot upload submit.json",
                        hint: "use websubstack, or fix the missing comma in WebDevTemplate's policy (since 119b5ed) before deploying")]
    }
}
