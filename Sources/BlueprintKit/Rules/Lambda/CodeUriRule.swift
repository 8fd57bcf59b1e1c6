struct CodeUriRule: Rule {
    static let description = RuleDescription(
        id: "BP123", name: "code-uri", severity: .error,
        summary: "CodeUri or PostCodeUri does not resolve to a directory (checked with --protocols DIR or inside a NeuroCAAS checkout).",
        rationale: "sam build packages CodeUri relative to the stack directory; ../lambda_repo and ../lambda_code no longer exist in the repo, so those stacks cannot be built.",
        triggering: [.edit(("\"CodeUri\": \"../../protocols\"", "\"CodeUri\": \"../lambda_repo\""),
                           protocols: ["submit_start.py": "def handler_develop(event, context):\n    pass\n"])],
        nonTriggering: [.edit(protocols: ["submit_start.py": "def handler_develop(event, context):\n    pass\n"])])

    func check(_ bp: Blueprint, _ context: RuleContext) -> [Diagnostic] {
        guard let lambda = bp.lambda else { return [] }
        var out: [Diagnostic] = []
        let facts = context.facts(bp)
        func check(_ field: Field?, _ resolution: ProtocolSources.Resolution?) {
            guard let resolution, let field, let uri = field.realString, !uri.isEmpty else { return }
            switch resolution {
            case .found: break
            case .missing(let path):
                out.append(finding(bp, field, "\(field.key) '\(path)' is not a directory (relative to the stack directory)",
                                   hint: "current blueprints use \"\(Protocols.canonicalCodeUri)\""))
            case .skipped:
                break // BP125 says so, under its own id
            }
        }
        check(lambda.codeUri, facts.codeUri)
        check(lambda.postCodeUri, facts.postCodeUri)
        return out
    }
}
