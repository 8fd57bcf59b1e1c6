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
        for object in bp.catalogObjects {
            for spec in FieldCatalog.fields(in: object.container).values.sorted(by: { $0.key < $1.key })
            where spec.required && object.node.member(spec.key) == nil {
                // Point at the opening brace of the object that should hold the key.
                let at = SourceRange(start: object.node.range.start, end: object.node.range.start + 1)
                out.append(finding(bp, at: at, pointer: object.pointer,
                                   "\(object.label) is missing \(spec.key)", hint: "add \"\(spec.key)\": \(spec.summary)"))
            }
        }
        return out
    }
}
