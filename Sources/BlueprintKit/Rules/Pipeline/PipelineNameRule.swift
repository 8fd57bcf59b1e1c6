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

    /// (every way the name is wrong, how to fix it), or nil when the name is valid. The suggested
    /// name is itself valid (see `suggestion`), so following the hint never leads to another finding.
    static func problem(_ name: String) -> (String, String)? {
        if isValidASCII(name) { return nil }
        if name.isEmpty { return ("is empty", "name the pipeline, e.g. \"my-analysis\"") }
        var problems: [String] = []
        if name.count < 3 { problems.append("is shorter than 3 characters (S3 bucket names need 3-63)") }
        if name.count > 63 { problems.append("is longer than 63 characters (the S3 bucket limit)") }
        if name.contains(where: { $0.isUppercase }) { problems.append("has uppercase letters; S3 bucket names are lowercase") }
        if name.contains("_" as Character) { problems.append("contains '_', which S3 bucket names forbid") }
        let others = name.unicodeScalars.filter { !allowed($0) && $0 != "_" && !("A"..."Z").contains($0) }.map { String($0) }.uniqued()
        if !others.isEmpty {
            let shown = others.prefix(5).map { "'\($0)'" }.joined(separator: ", ") + (others.count > 5 ? ", …" : "")
            problems.append("contains \(shown); only lowercase letters, digits and '-' are allowed")
        }
        if let first = name.unicodeScalars.first, !(("a"..."z").contains(first) || ("A"..."Z").contains(first)) {
            problems.append("must start with a letter (CloudFormation stack names do)")
        }
        if name.hasSuffix("-") { problems.append("must not end with '-' (S3 bucket names end with a letter or digit)") }
        guard !problems.isEmpty else { return nil }
        return (problems.joined(separator: "; "), "use '\(suggestion(for: name))'")
    }

    /// The common case by bytes: 3-63 of [a-z0-9-], a letter first, no '-' last. Every check
    /// below passes for such a name (ASCII: one Character per byte), so there is no problem.
    static func isValidASCII(_ name: String) -> Bool {
        let b = name.utf8
        guard (3...63).contains(b.count), let first = b.first, let last = b.last,
              first >= UInt8(ascii: "a"), first <= UInt8(ascii: "z"), last != UInt8(ascii: "-") else { return false }
        return b.allSatisfy { ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z")) || ASCII.isDigit($0) || $0 == UInt8(ascii: "-") }
    }

    private static func allowed(_ u: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(u) || ("0"..."9").contains(u) || u == "-"
    }

    /// A valid name close to `name`: lowercase ASCII, '_' and other separators as '-', runs of
    /// '-' collapsed, a letter first, 3-63 characters, no '-' at the end.
    static func suggestion(for name: String) -> String {
        var out = ""
        for u in name.lowercased().unicodeScalars {
            if allowed(u) {
                out.unicodeScalars.append(u)
            } else if !out.hasSuffix("-") {
                out += "-"
            }
        }
        while out.first == "-" { out.removeFirst() }
        if let first = out.unicodeScalars.first, !("a"..."z").contains(first) { out = "p-" + out }
        out = String(out.prefix(63))
        while out.hasSuffix("-") { out.removeLast() }
        if out.isEmpty { out = "pipeline" }
        while out.count < 3 { out += "x" }
        return out
    }
}
