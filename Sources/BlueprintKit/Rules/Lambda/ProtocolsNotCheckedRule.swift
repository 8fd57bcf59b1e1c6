struct ProtocolsNotCheckedRule: Rule {
    static let description = RuleDescription(
        id: "BP125", name: "protocols-not-checked", severity: .info,
        summary: "CodeUri and Handler were not checked against the protocol sources (no --protocols DIR and no NeuroCAAS checkout around the blueprint).",
        rationale: "BP123 and BP124 need the job-manager code; without it bpctl says so instead of passing the blueprint silently. A notice of its own, so --ignore BP125 or --fail-on info never touches the real BP123 error.",
        triggering: [.clean],
        nonTriggering: [.edit(protocols: ["submit_start.py": "def handler_develop(event, context):\n    pass\n"])])

    func check(_ bp: Blueprint, _ context: RuleContext) -> [Diagnostic] {
        guard let lambda = bp.lambda, let field = lambda.codeUri else { return [] }
        let facts = context.facts(bp)
        func skipped(_ field: Field?, _ resolution: ProtocolSources.Resolution?) -> Bool {
            resolution == .skipped && field?.realString.map { !$0.isEmpty } == true
        }
        guard skipped(lambda.codeUri, facts.codeUri) || skipped(lambda.postCodeUri, facts.postCodeUri) else { return [] }
        return [finding(bp, field, "CodeUri and Handler were not checked against the protocol sources",
                        hint: "pass --protocols DIR (the neurocaas repo's ncap_iac/protocols) to check them")]
    }
}
