struct PipelineNameRule: Rule {
    static let description = RuleDescription(
        id: "BP111", name: "pipeline-name", severity: .error,
        summary: "PipelineName is not a valid S3 bucket and CloudFormation stack name.",
        rationale: "PipelineName becomes the S3 bucket and the stack name: 3-63 characters, lowercase letters, digits and '-', starting with a letter and not ending with '-'. checkpath.py and add_bucket enforce part of this only at deploy time.",
        triggering: [.edit(("\"PipelineName\": \"epi-analysis\"", "\"PipelineName\": \"epi_analysis\"")),
                     .edit(("\"PipelineName\": \"epi-analysis\"", "\"PipelineName\": \"EpiAnalysis\"")),
                     .edit(("\"PipelineName\": \"epi-analysis\"", "\"PipelineName\": \"2p-imaging\""))],
        nonTriggering: [.clean, .edit(("\"PipelineName\": \"epi-analysis\"", "\"PipelineName\": \"dgp-refactor2\""))])

    func check(_ bp: Blueprint, _ context: RuleContext) -> [Diagnostic] {
        guard let field = bp.pipelineName, let name = field.realString else { return [] }
        guard let problem = Self.problem(name) else { return [] }
        return [finding(bp, field, "PipelineName '\(name)' \(problem.0)", hint: problem.1)]
    }

    /// (what is wrong, how to fix it), or nil when the name is valid.
    static func problem(_ name: String) -> (String, String)? {
        var suggested: String { String(name.lowercased().map { $0 == "_" || $0 == " " ? "-" : $0 }) }
        if name.isEmpty { return ("is empty", "name the pipeline, e.g. \"my-analysis\"") }
        if name.count < 3 { return ("is shorter than 3 characters (S3 bucket names need 3-63)", "use a longer name") }
        if name.count > 63 { return ("is longer than 63 characters (the S3 bucket limit)", "shorten it") }
        if name.contains(where: { $0.isUppercase }) {
            return ("has uppercase letters; S3 bucket names are lowercase", "use '\(suggested)'")
        }
        if name.contains("_" as Character) { return ("contains '_', which S3 bucket names forbid", "use '\(suggested)'") }
        if let bad = name.first(where: { !($0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-")) }) {
            return ("contains '\(bad)'; only lowercase letters, digits and '-' are allowed", "use '\(suggested.filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") })'")
        }
        if !(name.first!.isLetter) {
            return ("must start with a letter (CloudFormation stack names do)", "put a word in front, e.g. 'p\(name)'")
        }
        if name.hasSuffix("-") { return ("must not end with '-' (S3 bucket names end with a letter or digit)", "drop the trailing '-'") }
        return nil
    }
}
