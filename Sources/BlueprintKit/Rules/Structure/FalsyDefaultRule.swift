struct FalsyDefaultRule: Rule {
    static let description = RuleDescription(
        id: "BP106", name: "falsy-default", severity: .warning,
        summary: "A false, zero or empty value that the compiler silently replaces with its default.",
        rationale: "dev_builder.get_config fills a default whenever a value is falsy in Python, not only when it is missing: MONITOR false becomes true, DEPLOY_LIMIT 0 becomes 100, MAXCOST \"\" becomes \"300\".",
        triggering: [.edit(("\"MONITOR\": true", "\"MONITOR\": false")), .edit(("\"DEPLOY_LIMIT\": 100", "\"DEPLOY_LIMIT\": 0"))],
        nonTriggering: [.clean])

    /// key → the default the compiler puts in its place (blueprint-reference §2.6).
    static let defaults: [(String, String)] = [
        ("WORKING_DIRECTORY", "~/bin"), ("SHUTDOWN_BEHAVIOR", "terminate"), ("EXECUTION_TIMEOUT", "900"),
        ("SSM_TIMEOUT", "172000"), ("LAUNCH", "true"), ("DEPLOY_LIMIT", "100"), ("MAXCOST", "\"300\""),
        ("MONITOR", "true"), ("SECURITY_GROUPS", "the account's deploy security group"),
    ]

    func check(_ bp: Blueprint, _ context: RuleContext) -> [Diagnostic] {
        guard let config = bp.lambda?.config?.field else { return [] } // the field only: copying LambdaConfig cost more than the check
        var out: [Diagnostic] = []
        for (key, replacement) in Self.defaults {
            guard let member = config.node.fastMember(key), isFalsy(member.value) else { continue }
            let field = Field(key: key, member: member, pointer: JSONPointer.appending(config.pointer, key))
            let raw = field.node.string.map { "\"\($0)\"" } ?? field.node.number?.raw ?? (field.node.bool == false ? "false" : "null")
            out.append(finding(bp, field, "\(key): \(raw) is replaced by \(replacement) when the stack is compiled",
                               hint: key == "MONITOR" || key == "LAUNCH"
                                   ? "the blueprint cannot turn \(key) off; set it to true or remove it"
                                   : "set the value you want, or remove \(key) to use the default on purpose"))
        }
        return out
    }

    /// Python truthiness of a JSON value.
    private func isFalsy(_ node: Node) -> Bool {
        switch node.kind {
        case .bool(let b): return !b
        case .number(let n): return n.value == 0
        case .string(let s): return s.isEmpty
        case .null: return true
        case .array(let a): return a.isEmpty
        case .object(let o): return o.isEmpty
        }
    }
}
