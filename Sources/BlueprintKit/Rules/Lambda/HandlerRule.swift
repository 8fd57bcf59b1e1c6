struct HandlerRule: Rule {
    static let description = RuleDescription(
        id: "BP120", name: "handler", severity: .error,
        summary: "Lambda.Handler names a job manager that no longer exists or is not module.function.",
        rationale: "handler_log, handler_log_dev, handler_log_demo and submit_start.handler were removed from submit_start.py; a stack that names them deploys a Lambda that fails on every upload.",
        triggering: [.edit(("\"Handler\": \"submit_start.handler_develop\"", "\"Handler\": \"submit_start.handler_log\"")),
                     .edit(("\"Handler\": \"submit_start.handler_develop\"", "\"Handler\": \"handler_develop\""))],
        nonTriggering: [.clean, .edit(("\"Handler\": \"submit_start.handler_develop\"", "\"Handler\": \"submit_start.handler_ensemble\""))])

    func check(_ bp: Blueprint, _ context: RuleContext) -> [Diagnostic] {
        guard let field = bp.lambda?.handler, let handler = field.realString else { return [] }
        if !Self.isDotted(handler) {
            return [finding(bp, field, "Handler '\(handler)' is not module.function",
                            hint: "use submit_start.handler_develop")]
        }
        if let known = Protocols.handler(handler) {
            if case .removed(let why) = known.status {
                return [finding(bp, field, "Handler '\(handler)' no longer exists: \(why)",
                                hint: "use submit_start.handler_develop, which formats COMMAND with 4 values (bucket, dataset key, result prefix, config key)")]
            }
            return []
        }
        return [] // a handler outside the table may be custom: BP126's notice
    }

    /// module.function: at least two parts between '.', none empty. By bytes for ASCII (one
    /// Character per byte there); splitting into Substrings cost 10 K instructions a handler.
    static func isDotted(_ handler: String) -> Bool {
        guard handler.isASCIIBytes else { return isDottedByCharacters(handler) }
        let dot = UInt8(ascii: ".")
        var previous = dot, dots = 0
        for b in handler.utf8 {
            if b == dot {
                if previous == dot { return false } // an empty part (or a leading '.')
                dots += 1
            }
            previous = b
        }
        return dots > 0 && previous != dot
    }

    static func isDottedByCharacters(_ handler: String) -> Bool {
        let parts = handler.split(separator: ".", omittingEmptySubsequences: false)
        return !(parts.count < 2 || parts.contains(where: \.isEmpty))
    }
}
