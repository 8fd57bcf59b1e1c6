struct InstanceTypeRule: Rule {
    static let description = RuleDescription(
        id: "BP131", name: "instance-type", severity: .error, 
        summary: "LambdaConfig.INSTANCE_TYPE is empty or not a known EC2 instance type.",
        rationale: "INSTANCE_TYPE is the default RunInstances type and the key of the cost estimate; an unknown type fails every job at launch.",
        triggering: [.edit(("\"INSTANCE_TYPE\": \"p3.2xlarge\"", "\"INSTANCE_TYPE\": \"p3.2xlarg\"")),
                     .edit(("\"INSTANCE_TYPE\": \"p3.2xlarge\"", "\"INSTANCE_TYPE\": \"\""))],
        nonTriggering: [.clean, .edit(("\"INSTANCE_TYPE\": \"p3.2xlarge\"", "\"INSTANCE_TYPE\": \"g4dn.12xlarge\""))])

    /// Sorted, so a tie ('p2..xlarge': p2.xlarge or p2.8xlarge?) has the same answer every run;
    /// a Set's order changes from process to process.
    static let candidates = InstanceTypes.all.sorted()

    func check(_ bp: Blueprint, _ context: RuleContext) -> [Diagnostic] {
        guard let field = bp.lambda?.config?.instanceType, let type = field.realString, !InstanceTypes.isKnown(type) else { return [] }
        if type.isEmpty {
            return [finding(bp, field, "INSTANCE_TYPE is empty: every job fails at launch", hint: "set an EC2 type such as \"m5.xlarge\" or \"p3.2xlarge\"")]
        }
        let suggestion = Suggest.phrase(for: type, in: Self.candidates)
        let family = String(type.split(separator: ".").first ?? "")
        let hint = !suggestion.isEmpty
            ? "use \(Suggest.closest(to: type, in: Self.candidates).map { "'\($0)'" } ?? "a listed type"); a wrong type fails every job at launch"
            : InstanceTypes.families[family] != nil
            ? "\(family) comes in \(InstanceTypes.families[family]!.prefix(6).joined(separator: ", "))\(InstanceTypes.families[family]!.count > 6 ? ", …" : "")"
            : "instance types look like family.size, e.g. m5.xlarge"
        return [finding(bp, field, "'\(type)' is not a known EC2 instance type\(suggestion)", hint: hint)]
    }
}
