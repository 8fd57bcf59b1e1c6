struct FieldTypeRule: Rule {
    static let description = RuleDescription(
        id: "BP101", name: "field-type", severity: .error,
        summary: "A field has the wrong JSON type.",
        rationale: "The deploy passes values through as-is: a quoted number or boolean becomes a different Lambda environment value, and a string where a list belongs is split into characters.",
        triggering: [.edit(("\"EXECUTION_TIMEOUT\": 900", "\"EXECUTION_TIMEOUT\": \"900\"")),
                     .edit(("\"LAUNCH\": true", "\"LAUNCH\": \"true\"")),
                     .edit(("\"UserNames\": [\"carol\"]", "\"UserNames\": \"carol\""))],
        nonTriggering: [.clean, .edit(("\"MAXCOST\": \"300\"", "\"MAXCOST\": 300"))])

    func check(_ bp: Blueprint, _ context: RuleContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let specs = context.facts(bp).specs
        for (o, object) in bp.catalogObjects.enumerated() {
            for (m, id) in zip(object.node.members ?? [], specs[o]) {
                guard let id, CatalogIndex.acceptedKinds[id] & CatalogIndex.kindMask(m.value) == 0 else { continue }
                let spec = CatalogIndex.specs[id]
                // Template prose is reported once, by BP105.
                if let s = m.value.string, TemplateLeftover.matches(s) { continue }
                let expected = spec.types.map { article($0) }.joined(separator: " or ")
                let pointer = JSONPointer.appending(object.pointer, m.key)
                let name = DottedPointer.text(pointer)
                out.append(finding(bp, at: m.value.range, pointer: pointer,
                                   "\(name) must be \(expected), not \(m.value.shortDescription)",
                                   hint: hint(for: m.value, expected: spec.types)))
            }
            if object.container == "/UXData", let affiliates = object.node["Affiliates"]?.elements {
                for (i, e) in affiliates.enumerated() where !e.isObject {
                    out.append(finding(bp, at: e.range, pointer: "/UXData/Affiliates/\(i)",
                                       "each affiliate must be an object, not \(e.shortDescription)",
                                       hint: "write { \"AffiliateName\": ..., \"UserNames\": [...] }"))
                }
            }
        }
        return out
    }

    private func article(_ t: JSONType) -> String {
        t == .integer || t == .array || t == .object ? "an \(t.rawValue)" : "a \(t.rawValue)"
    }

    private func hint(for node: Node, expected: [JSONType]) -> String {
        if let s = node.string {
            if expected.contains(.integer), let n = Int(s) { return "remove the quotes: \(n)" }
            if expected.contains(.boolean), s.lowercased() == "true" || s.lowercased() == "false" {
                return "remove the quotes: \(s.lowercased()) (CloudFormation passes JSON true to Lambda as the string \"true\" the job manager expects)"
            }
            if expected.contains(.array) { return "write a list: [\"\(s)\"]" }
        }
        if expected.contains(.integer), let n = node.number { return "use a whole number of seconds, not \(n.raw)" }
        return "change the value to \(expected.map(\.rawValue).joined(separator: " or "))"
    }
}
