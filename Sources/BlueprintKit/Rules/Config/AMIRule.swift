struct AMIRule: Rule {
    static let description = RuleDescription(
        id: "BP130", name: "ami-id", severity: .error,
        summary: "LambdaConfig.AMI is not an AMI id (ami- and 8 or 17 lowercase hex digits).",
        rationale: "AMI is passed to RunInstances as ImageId when a user's job starts; a wrong value fails the job, not the deploy.",
        triggering: [.edit(("\"AMI\": \"ami-0123456789abcdef0\"", "\"AMI\": \"i-0123456789abcdef0\"")),
                     .edit(("\"AMI\": \"ami-0123456789abcdef0\"", "\"AMI\": \"ami-0123456789ABCDEF0\""))],
        nonTriggering: [.clean, .edit(("\"AMI\": \"ami-0123456789abcdef0\"", "\"AMI\": \"ami-0123abcd\""))])

    static func isValid(_ ami: String) -> Bool {
        // A valid id is ASCII, where bytes are Characters: decide by bytes (the Character walk
        // cost 30 K instructions an id), and only non-ASCII text takes the general test.
        guard ami.isASCIIBytes else { return isValidByCharacters(ami) }
        let b = Array(ami.utf8)
        return b.starts(with: "ami-".utf8) && (b.count == 12 || b.count == 21)
            && b[4...].allSatisfy { ASCII.isDigit($0) || ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "f")) }
    }

    static func isValidByCharacters(_ ami: String) -> Bool {
        guard ami.hasPrefix("ami-") else { return false }
        let hex = ami.dropFirst(4)
        return (hex.count == 8 || hex.count == 17) && hex.allSatisfy { $0.isHexDigit && !$0.isUppercase }
    }

    func check(_ bp: Blueprint, _ context: RuleContext) -> [Diagnostic] {
        guard let field = bp.lambda?.config?.ami, let ami = field.realString, !Self.isValid(ami) else { return [] }
        let (what, hint): (String, String)
        if ami.isEmpty {
            (what, hint) = ("AMI is empty", "save an image of your dev instance and put its ami-... id here")
        } else if ami.hasPrefix("i-") {
            (what, hint) = ("'\(ami)' is an instance id, not an AMI id", "create an image from the instance (CreateImage) and use the ami-... id it returns")
        } else if ami.lowercased() != ami, Self.isValid(ami.lowercased()) {
            (what, hint) = ("AMI '\(ami)' has uppercase hex digits", "AMI ids are lowercase: '\(ami.lowercased())'")
        } else if ami.hasPrefix("ami-") {
            (what, hint) = ("AMI '\(ami)' has \(ami.count - 4) characters after 'ami-'; ids have 8 or 17 hex digits", "copy the id again from the EC2 console or DescribeImages")
        } else {
            (what, hint) = ("'\(ami)' is not an AMI id", "AMI ids look like ami-0123456789abcdef0")
        }
        return [finding(bp, field, what, hint: hint)]
    }
}
