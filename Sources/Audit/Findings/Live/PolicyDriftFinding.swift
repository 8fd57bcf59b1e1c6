struct PolicyDriftFinding: AuditCheck {
    static let description = FindingDescription(
        id: "BP314", name: "policy-drift", severity: .warning,
        summary: "An affiliate group's inline policies differ from the policy the blueprint implies.",
        rationale: "The deploy writes one inline policy `<aff>policy` per group (§4.7); a grant added or removed by hand, or a broken deploy (webdev's glued ARN, §4.6), changes what users can do without any blueprint change.",
        live: true,
        triggering: [AuditExample(.clean, iam: LiveExamples.deployed(labPolicy: AffiliatePolicy.document(affiliate: "cunninghamlab", bucket: "epi-analysis")
                                                                        .replacingOccurrences(of: "\"s3:GetObject\"", with: "\"s3:*\""))),
                     AuditExample(.clean, iam: LiveExamples.deployed(labPolicy: "not json"))],
        nonTriggering: [AuditExample(.clean, iam: LiveExamples.deployed())])

    func check(_ input: AuditInput) -> [AuditFinding] {
        guard let iam = input.iam else { return [] }
        var out: [AuditFinding] = []
        var done = Set<String>()
        for a in input.model.affiliates {
            guard let group = iam.group(a.group), done.insert(group.name.lowercased()).inserted else { continue }
            let expected = AffiliatePolicy.grants(AffiliatePolicy.document(affiliate: a.name, bucket: a.pipeline)) ?? []
            var actual = Set<String>()
            var unreadable: [String] = []
            for (name, doc) in group.policies.sorted(by: { $0.key < $1.key }) {
                if let g = AffiliatePolicy.grants(doc) { actual.formUnion(g) } else { unreadable.append(name) }
            }
            let missing = expected.subtracting(actual).sorted(), extra = actual.subtracting(expected).sorted()
            guard !missing.isEmpty || !extra.isEmpty || !unreadable.isEmpty else { continue }
            var parts: [String] = []
            if !unreadable.isEmpty { parts.append("unreadable policy \(unreadable.joined(separator: ", "))") }
            if !missing.isEmpty { parts.append("\(missing.count) grant\(missing.count == 1 ? "" : "s") missing (first: \(missing[0]))") }
            if !extra.isEmpty { parts.append("\(extra.count) extra grant\(extra.count == 1 ? "" : "s") (first: \(extra[0]))") }
            out.append(finding(a, "group '\(group.name)' policy differs from the blueprint's: \(parts.joined(separator: "; "))",
                               hint: "redeploy the pipeline to restore '\(AffiliatePolicy.name(affiliate: a.name))', or move the extra grant into the blueprint's tooling"))
        }
        return out
    }
}
