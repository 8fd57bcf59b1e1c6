struct FleetPipelineNameRule: FleetRule {
    static let description = RuleDescription(
        id: "BP160", name: "fleet-pipeline-name", severity: .error,
        summary: "Two blueprints validated together have the same PipelineName.",
        rationale: "PipelineName is the S3 bucket and the stack name; two blueprints with one name deploy over each other.",
        triggering: [.fleet([[], []])],
        nonTriggering: [.fleet([[], [("\"PipelineName\": \"epi-analysis\"", "\"PipelineName\": \"epi-analysis-2\"")]])])

    func check(_ fleet: [Blueprint], _ context: RuleContext) -> [Diagnostic] {
        var first = NameMap<Int>(capacity: fleet.count) // bucket and stack names compare code points → position in fleet
        var out: [Diagnostic] = []
        for (b, bp) in fleet.enumerated() {
            guard let field = bp.pipelineName, let name = field.node.string, !name.isEmpty else { continue }
            if let p = first.position(of: name), let ownerField = fleet[first[p]].pipelineName {
                let ownerAt = first[p]
                let owner = fleet[ownerAt]
                let related = Diagnostic.Related(message: "also PipelineName here", file: owner.source.path,
                                                 location: owner.source.location(of: ownerField.node.range.start))
                out.append(finding(bp, at: field.node.range, pointer: field.pointer,
                                   "PipelineName '\(name)' is also used by \(owner.source.path): both deploy the same bucket and stack",
                                   hint: "give each pipeline its own name", related: [related]))
            } else {
                first.append(name, b)
            }
        }
        return out
    }
}
