struct RequirementsFieldRule: Rule {
    static let description = RuleDescription(
        id: "BP107", name: "requirements-no-effect", severity: .warning,
        summary: "Lambda.Requirements has no effect: the Lambda's packages come from protocols/requirements.txt.",
        rationale: "build.sh points at a requirements file that does not exist, so packages listed here are never installed and the Lambda fails on import.",
        triggering: [.edit(("\"LambdaConfig\": {", "\"Requirements\": \"requirements.txt\",\n        \"LambdaConfig\": {"))],
        nonTriggering: [.clean])

    func check(_ bp: Blueprint, _ context: RuleContext) -> [Diagnostic] {
        guard let lambda = bp.root["Lambda"], lambda.isObject,
              let member = lambda.members?.first(where: { $0.key == "Requirements" }),
              let spec = FieldCatalog.spec(container: "/Lambda", key: "Requirements"),
              case .unused(let why) = spec.status else { return [] }
        return [finding(bp, at: member.keyRange, pointer: "/Lambda/Requirements", "Lambda.Requirements has no effect: \(why)",
                        hint: "delete it; add packages to protocols/requirements.txt instead")]
    }
}
