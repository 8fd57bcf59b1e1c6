struct HandlerSourceRule: Rule {
    static let description = RuleDescription(
        id: "BP124", name: "handler-source", severity: .error,
        summary: "Handler or PostHandler is not defined in the code CodeUri points at.",
        rationale: "The Lambda imports module.function from CodeUri at its first invocation; a missing module or function fails every job, long after the deploy succeeded.",
        triggering: [.edit(("\"Handler\": \"submit_start.handler_develop\"", "\"Handler\": \"submit_start.handler_ensemble\""),
                           protocols: ["submit_start.py": "def handler_develop(event, context):\n    pass\n"])],
        nonTriggering: [.edit(protocols: ["submit_start.py": "import os\n\ndef handler_develop(event, context):\n    pass\n"])])

    func check(_ bp: Blueprint, _ context: RuleContext) -> [Diagnostic] {
        guard let lambda = bp.lambda else { return [] }
        var out: [Diagnostic] = []
        let facts = context.facts(bp)
        // A nested function, not a loop over an array of tuples (whose type metadata cost more).
        func check(_ codeField: Field?, _ handlerField: Field?, _ resolution: ProtocolSources.Resolution?) {
            guard case .found(let dir)? = resolution, let codeField, let handlerField, let uri = codeField.realString,
                  let handler = handlerField.realString, !Self.reportedByTable(handler) else { return }
            switch ProtocolSources.find(handler: handler, in: dir) {
            case .defined, .malformed: break // malformed names are BP120's
            case .noModule(let file):
                out.append(finding(bp, handlerField, "\(handlerField.key) '\(handler)': \(file) does not exist in \(uri) (\(Paths.display(dir)))",
                                   hint: "check the module name; the Lambda imports it from CodeUri"))
            case .noFunction(let module, let function):
                out.append(finding(bp, handlerField, "\(handlerField.key) '\(handler)': \(module).py defines no function \(function)",
                                   hint: "the current job managers are \(Protocols.currentHandlers.joined(separator: " and "))"))
            }
        }
        check(lambda.codeUri, lambda.handler, facts.codeUri)
        check(lambda.postCodeUri, lambda.postHandler, facts.postCodeUri)
        return out
    }

    /// Removed and moved handlers are BP120/BP121's findings already.
    static func reportedByTable(_ handler: String) -> Bool {
        if case .removed = Protocols.handler(handler)?.status { return true }
        return Protocols.movedPostHandlers[handler] != nil
    }
}
