struct TemplateLeftoverRule: Rule {
    static let description = RuleDescription(
        id: "BP105", name: "template-leftover", severity: .error,
        summary: "A value still holds the template's instructions (\"your ami here\", \"[list of strings …]\").",
        rationale: "configure.sh copies a template whose values are prose; every freshly configured blueprint is undeployable until each one is replaced.",
        triggering: [.edit(("\"AMI\": \"ami-0123456789abcdef0\"", "\"AMI\": \"your ami here\"")),
                     .edit(("\"PipelineName\": \"epi-analysis\"", "\"PipelineName\": \"Name of this pipeline. Must follow S3 bucket naming conventions.\"")),
                     .edit(("\"UserNames\": [\"carol\"]", "\"UserNames\": \"[list of strings describing user names]\""))],
        nonTriggering: [.clean, .edit(("\"AffiliateName\": \"debuggers\"", "\"AffiliateName\": \"Developer Group 1\""))])

    /// Fields whose values are identifiers or settings, never sentences.
    static let checked: [(container: String, key: String)] = [
        ("", "PipelineName"), ("", "REGION"), ("", "STAGE"),
        (FieldCatalog.lambda, "CodeUri"), (FieldCatalog.lambda, "Handler"),
        (FieldCatalog.config, "AMI"), (FieldCatalog.config, "INSTANCE_TYPE"), (FieldCatalog.config, "REGION"),
        (FieldCatalog.config, "IAM_ROLE"), (FieldCatalog.config, "KEY_NAME"), (FieldCatalog.config, "SECURITY_GROUPS"),
        (FieldCatalog.config, "WORKING_DIRECTORY"), (FieldCatalog.config, "MAXCOST"),
        (FieldCatalog.affiliate, "AffiliateName"), (FieldCatalog.affiliate, "UserNames"), (FieldCatalog.affiliate, "UserInput"),
    ]

    func check(_ bp: Blueprint, _ context: RuleContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for object in bp.catalogObjects {
            for (container, key) in Self.checked where container == object.container {
                guard let field = object.node.field(key, parentPointer: object.pointer) else { continue }
                var values: [(Node, String)] = []
                if field.node.string != nil { values.append((field.node, field.pointer)) }
                for (i, e) in (field.node.elements ?? []).enumerated() where e.string != nil {
                    values.append((e, JSONPointer.appending(field.pointer, i)))
                }
                for (node, pointer) in values {
                    guard let s = node.string, TemplateLeftover.matches(s) else { continue }
                    let summary = FieldCatalog.spec(container: container, key: key)?.summary ?? ""
                    out.append(finding(bp, at: node.range, pointer: pointer,
                                       "\(JSONPointer.dotted(pointer)) still holds template text: \(node.shortDescription)",
                                       hint: "replace it with the real value. \(summary)"))
                }
            }
        }
        return out
    }
}
