struct RequiredFieldRule: Rule {
    static let description = RuleDescription(
        id: "BP100", name: "required-field", severity: .error,
        summary: "A field the deploy or every job needs is missing.",
        rationale: "The compiler checks only PipelineName, REGION, Lambda and UXData; AMI, INSTANCE_TYPE, IAM_ROLE, KEY_NAME and COMMAND are required implicitly and fail at job time.",
        triggering: [.edit(("\"AMI\": \"ami-0123456789abcdef0\",\n", "")), .edit(("\"PipelineName\": \"epi-analysis\",", ""))],
        nonTriggering: [.clean])

    func check(_ bp: Blueprint, _ context: RuleContext) -> [Diagnostic] {
        guard bp.root.isObject else {
            return [finding(bp, at: bp.root.range, pointer: "", "a blueprint must be a JSON object, not \(bp.root.shortDescription)",
                            hint: "start the file with { \"PipelineName\": ..., \"REGION\": ..., ... }")]
        }
        var out: [Diagnostic] = []
        let specs = context.facts(bp).specs
        for (o, object) in bp.catalogObjects.enumerated() {
            guard let container = CatalogIndex.container(object.container) else { continue }
            // A key is present exactly when one of the object's members has its spec id.
            for id in CatalogIndex.required[container] where !specs[o].contains(id) {
                let spec = CatalogIndex.specs[id]
                // Point at the opening brace of the object that should hold the key.
                let at = SourceRange(start: object.node.range.start, end: object.node.range.start + 1)
                out.append(finding(bp, at: at, pointer: object.pointer,
                                   "\(object.label) is missing \(spec.key)", hint: "add \"\(spec.key)\": \(spec.summary)"))
            }
        }
        return out
    }
}
