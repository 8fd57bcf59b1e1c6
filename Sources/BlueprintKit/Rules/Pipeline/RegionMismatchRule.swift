struct RegionMismatchRule: Rule {
    static let description = RuleDescription(
        id: "BP114", name: "region-mismatch", severity: .error,
        summary: "REGION and Lambda.LambdaConfig.REGION differ.",
        rationale: "The top-level REGION goes to the monitoring Lambda and LambdaConfig.REGION to the job manager and IAM user names; when they differ, jobs and bookkeeping look in different regions.",
        triggering: [.edit(("\"REGION\": \"us-east-1\"", "\"REGION\": \"us-west-2\""))],
        nonTriggering: [.clean])

    func check(_ bp: Blueprint, _ context: RuleContext) -> [Diagnostic] {
        guard let top = bp.region, let inner = bp.lambda?.config?.region,
              let a = top.node.string, let b = inner.node.string, a != b else { return [] }
        let related = Diagnostic.Related(message: "top-level REGION is '\(a.count > 40 ? String(a.prefix(37)) + "..." : a)'",
                                         file: bp.source.path, location: bp.source.location(of: top.node.range.start))
        return [finding(bp, at: inner.node.range, pointer: inner.pointer,
                        "LambdaConfig.REGION '\(b)' differs from the top-level REGION",
                        hint: "set both to the same region code", related: [related])]
    }
}
