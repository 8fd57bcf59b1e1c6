import BlueprintKit

struct DurationTypeCheck: JobCheck {
    static let description = JobCheckDescription(
        id: "BP406", name: "duration-type", severity: .error,
        summary: "`__duration__` is not a positive whole number of minutes.",
        rationale: "The job manager rejects a float, string or bool __duration__ in step 2 or 4 ('Given __duration__ parameter is not valid'); step 4 means instances were already started. A missing value is assumed to be 60 minutes.",
        triggering: [.config(("__duration__: 120", "__duration__: 120.5")),
                     .config(("__duration__: 120", "__duration__: \"120\"")),
                     .config(("__duration__: 120", "__duration__: true")),
                     .config(("__duration__: 120", "__duration__: 0"))],
        nonTriggering: [.clean, .config(("__duration__: 120", "__duration__: 2880"))])

    func check(_ job: JobInput) -> [Diagnostic] {
        guard let config = job.config, config.root.isObject else { return [] }
        guard let f = config.root.field("__duration__", parentPointer: "") else {
            return [findingAtRoot(config, "the config has no __duration__; the job manager assumes 60 minutes for the cost check",
                                  hint: "add __duration__: <minutes> with the longest time a job may run").with(severity: .info)]
        }
        if job.durationMinutes != nil { return [] }
        let what: String
        if let n = f.node.number { what = n.value <= 0 ? "\(n.raw) is not positive" : "\(n.raw) is not a whole number" }
        else { what = "is \(f.node.shortDescription), not an integer" }
        return [finding(config.source, f.node, pointer: f.pointer, "__duration__ \(what); it must be an integer number of minutes",
                        hint: "write __duration__: 120 (no quotes, no decimals)")]
    }
}

extension Diagnostic {
    func with(severity: Severity) -> Diagnostic { var d = self; d.severity = severity; return d }
}
