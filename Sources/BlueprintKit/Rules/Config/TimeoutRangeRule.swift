struct TimeoutRangeRule: Rule {
    static let description = RuleDescription(
        id: "BP132", name: "timeout-range", severity: .error,
        summary: "EXECUTION_TIMEOUT is outside 1-900 s or SSM_TIMEOUT outside 1-172800 s.",
        rationale: "EXECUTION_TIMEOUT becomes the Lambda timeout, whose maximum is 900 s; SSM rejects RunShellScript timeouts above 172800 s (48 h).",
        triggering: [.edit(("\"EXECUTION_TIMEOUT\": 900", "\"EXECUTION_TIMEOUT\": 3600")), .edit(("\"SSM_TIMEOUT\": 172000", "\"SSM_TIMEOUT\": 200000"))],
        nonTriggering: [.clean])

    static let limits: [(key: String, max: Int, why: String)] = [
        ("EXECUTION_TIMEOUT", 900, "the Lambda maximum"),
        ("SSM_TIMEOUT", 172_800, "the SSM RunShellScript maximum (48 h)"),
    ]

    func check(_ bp: Blueprint, _ context: RuleContext) -> [Diagnostic] {
        guard let config = bp.lambda?.config?.field else { return [] } // the field only: copying LambdaConfig cost more than the check
        return Self.limits.compactMap { limit -> Diagnostic? in
            // 0 is replaced by the default (BP106); non-integers are BP101's.
            guard let member = config.node.fastMember(limit.key),
                  let value = member.value.number?.integer, value != 0, value < 1 || value > limit.max else { return nil }
            let field = Field(key: limit.key, member: member, pointer: JSONPointer.appending(config.pointer, limit.key))
            return finding(bp, field, "\(limit.key) \(value) is outside 1-\(limit.max) seconds (\(limit.why))",
                           hint: "use a value from 1 to \(limit.max)")
        }
    }
}
