import BlueprintKit

struct DurationTimeoutCheck: JobCheck {
    static let description = JobCheckDescription(
        id: "BP407", name: "duration-timeout", severity: .error,
        summary: "`__duration__` is longer than the blueprint's SSM_TIMEOUT allows.",
        rationale: "SSM_TIMEOUT (seconds) is the SSM command's executionTimeout: the analysis is killed when it runs out, whatever __duration__ promised the user.",
        triggering: [.config(("__duration__: 120", "__duration__: 3000"))],
        nonTriggering: [.clean, .config(("__duration__: 120", "__duration__: 2866"))])

    func check(_ job: JobInput) -> [Diagnostic] {
        guard let config = job.config, let minutes = job.durationMinutes,
              let field = job.blueprint.lambda?.config?.ssmTimeout, let seconds = field.node.number?.integer,
              let f = config.root.field("__duration__", parentPointer: "") else { return [] }
        guard minutes * 60 > seconds else { return [] }
        return [finding(config.source, f.node, pointer: f.pointer,
                        "__duration__ \(minutes) minutes is longer than SSM_TIMEOUT \(seconds) s (\(seconds / 60) minutes); the analysis would be stopped early",
                        hint: "use at most __duration__: \(seconds / 60), or raise SSM_TIMEOUT in the blueprint",
                        related: related("SSM_TIMEOUT", field, in: job.blueprint))]
    }
}
