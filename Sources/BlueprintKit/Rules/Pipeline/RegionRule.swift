struct RegionRule: Rule {
    static let description = RuleDescription(
        id: "BP113", name: "region", severity: .error,
        summary: "REGION or LambdaConfig.REGION is not an AWS region code.",
        rationale: "LambdaConfig.REGION picks the S3, SSM and pricing endpoints and is appended to every IAM user name; an unknown code fails at compile or job time.",
        triggering: [.edit(("\"REGION\": \"us-east-1\"", "\"REGION\": \"us-east1\""))],
        nonTriggering: [.clean])

    func check(_ bp: Blueprint, _ context: RuleContext) -> [Diagnostic] {
        [bp.region, bp.lambda?.config?.region].compactMap { field -> Diagnostic? in
            guard let field, let code = field.realString, !Regions.isKnown(code) else { return nil }
            let suggestion = Suggest.phrase(for: code, in: Regions.all.sorted())
            return finding(bp, field, "'\(code)' is not an AWS region code\(suggestion)",
                           hint: "NeuroCAAS pipelines run in us-east-1")
        }
    }
}
