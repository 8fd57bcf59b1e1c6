struct AffiliateNameUniqueRule: Rule {
    static let description = RuleDescription(
        id: "BP151", name: "affiliate-name-unique", severity: .error,
        summary: "Two affiliates of one blueprint have the same name (IAM group names ignore case).",
        rationale: "The affiliate name is the S3 prefix, the IAM group name and, in develop/webdev, a CloudFormation logical ID; duplicates collide and the deploy fails.",
        triggering: [.edit(("\"AffiliateName\": \"debuggers\"", "\"AffiliateName\": \"CunninghamLab\""))],
        nonTriggering: [.clean])

    func check(_ bp: Blueprint, _ context: RuleContext) -> [Diagnostic] {
        let affiliates = bp.affiliates
        guard affiliates.count > 1 else { return [] }
        var seen = NameMap<Int>(capacity: affiliates.count) // code points, case folded as IAM does → position in affiliates
        var out: [Diagnostic] = []
        for (ai, a) in affiliates.enumerated() {
            guard let field = a.name, let name = field.node.string else { continue }
            let key = name.lowercased()
            if let p = seen.position(of: key), let firstField = affiliates[seen[p]].name {
                let firstAt = seen[p]
                let first = affiliates[firstAt]
                let related = Diagnostic.Related(message: "first used by affiliate \(first.index + 1)", file: bp.source.path,
                                                 location: bp.source.location(of: firstField.node.range.start))
                out.append(finding(bp, at: field.node.range, pointer: field.pointer,
                                   "AffiliateName '\(name)' is used twice\(firstField.node.string.map(name.sameScalars) == true ? "" : " (IAM group names ignore case)")",
                                   hint: "merge the two affiliates or rename one", related: [related]))
            } else {
                seen.append(key, ai)
            }
        }
        return out
    }
}
