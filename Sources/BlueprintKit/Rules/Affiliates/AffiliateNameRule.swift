struct AffiliateNameRule: Rule {
    static let description = RuleDescription(
        id: "BP152", name: "affiliate-name", severity: .error,
        summary: "AffiliateName has characters that break IAM group names or CloudFormation logical IDs.",
        rationale: "The name is embedded in IAM group names and policy ARNs, and in develop/webdev in CloudFormation logical IDs, which allow only letters and digits; websubstack also tolerates '-'.",
        triggering: [.edit(("\"AffiliateName\": \"debuggers\"", "\"AffiliateName\": \"Developer Group 1\"")),
                     .edit(("\"STAGE\": \"websubstack\"", "\"STAGE\": \"develop\""), ("\"AffiliateName\": \"debuggers\"", "\"AffiliateName\": \"debug-group\""))],
        nonTriggering: [.clean, .edit(("\"AffiliateName\": \"debuggers\"", "\"AffiliateName\": \"debug-group\""))])

    func check(_ bp: Blueprint, _ context: RuleContext) -> [Diagnostic] {
        let logicalIDs = bp.stageValue == "develop" || bp.stageValue == "webdev"
        var out: [Diagnostic] = []
        let affiliates = bp.affiliates
        for i in affiliates.indices { // by index: the field alone is read, not a copy of each Affiliate
            guard let field = affiliates[i].name, let name = field.realString else { continue }
            // Fast path: a name of ASCII letters and digits (and '-' outside develop/webdev) is
            // fine, by bytes; anything else goes through the Character checks and the message.
            if !name.isEmpty, name.utf8.allSatisfy({ ASCII.isAlphanumeric($0) || (!logicalIDs && $0 == UInt8(ascii: "-")) }) { continue }
            // Arrays, not Sets: the process's first Set<Character> cost 0.4 M instructions.
            let allowedPunctuation: [Character] = logicalIDs ? [] : ["-"]
            let bad = name.filter { !($0.isASCII && ($0.isLetter || $0.isNumber)) && !allowedPunctuation.contains($0) }
            if name.isEmpty {
                out.append(finding(bp, field, "AffiliateName is empty", hint: "name the group, e.g. \"mylab\""))
            } else if !bad.isEmpty {
                // A Set for a long name (hostile input stays linear), a list for the usual few.
                let distinct = bad.count > 64 ? Array(Set(bad)) : bad.reduce(into: [Character]()) { if !$0.contains($1) { $0.append($1) } }
                let shown = distinct.map { $0 == " " ? "space" : "'\($0)'" }.sorted().joinedText(separator: ", ")
                let fixed = name.filter { $0.isASCII && ($0.isLetter || $0.isNumber) }
                let why = logicalIDs ? "CloudFormation logical IDs in STAGE \(bp.stageValue!) allow letters and digits only" : "IAM group names and S3 prefixes need letters, digits or '-'"
                out.append(finding(bp, field, "AffiliateName '\(name)' contains \(shown): \(why)",
                                   hint: fixed.isEmpty ? "use letters and digits only" : "use '\(fixed.lowercased())'"))
            }
        }
        return out
    }
}
