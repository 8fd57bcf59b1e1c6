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

    /// `checked` as CatalogIndex spec ids, per catalog container, in `checked` order.
    static let checkedIDs: [[Int]] = CatalogIndex.containers.indices.map { c in
        checked.compactMap { entry in
            CatalogIndex.containers[c] == entry.container ? CatalogIndex.spec(container: c, key: entry.key) : nil
        }
    }

    func check(_ bp: Blueprint, _ context: RuleContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let specs = context.facts(bp).specs
        for (o, object) in bp.catalogObjects.enumerated() {
            guard let c = CatalogIndex.container(object.container), let members = object.node.members else { continue }
            for id in Self.checkedIDs[c] {
                // The member with this key is the one whose spec id it is (RuleFacts).
                guard let j = specs[o].firstIndex(of: id) else { continue }
                let member = members[j], container = object.container, key = CatalogIndex.specs[id].key
                // Pointers are built only for a finding.
                func report(_ node: Node, _ pointer: @autoclosure () -> String) {
                    let pointer = pointer()
                    let summary = FieldCatalog.spec(container: container, key: key)?.summary ?? ""
                    out.append(finding(bp, at: node.range, pointer: pointer,
                                       "\(DottedPointer.text(pointer)) still holds template text: \(node.shortDescription)",
                                       hint: "replace it with the real value. \(summary)"))
                }
                switch member.value.kind {
                case .string(let s) where TemplateLeftover.matches(s):
                    report(member.value, JSONPointer.appending(object.pointer, key))
                case .array(let elements):
                    for (i, e) in elements.enumerated() {
                        guard let s = e.string, TemplateLeftover.matches(s) else { continue }
                        report(e, JSONPointer.appending(JSONPointer.appending(object.pointer, key), i))
                    }
                default: break
                }
            }
        }
        return out
    }
}
