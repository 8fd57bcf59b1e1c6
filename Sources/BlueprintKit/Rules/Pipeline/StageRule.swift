struct StageRule: Rule {
    static let description = RuleDescription(
        id: "BP110", name: "stage", severity: .error,
        summary: "STAGE is missing or is not develop, webdev or websubstack.",
        rationale: "build.sh and fulldeploy.sh read STAGE with jq and pass it to dev_builder.py as its mode; a missing STAGE becomes null and the deploy stops with 'mode null not implemented yet or does not exist.'",
        triggering: [.edit(("\"STAGE\": \"websubstack\",\n", "")), .edit(("\"STAGE\": \"websubstack\"", "\"STAGE\": \"websubstak\""))],
        nonTriggering: [.clean, .edit(("\"STAGE\": \"websubstack\"", "\"STAGE\": \"develop\""))])

    func check(_ bp: Blueprint, _ context: RuleContext) -> [Diagnostic] {
        guard bp.root.isObject else { return [] }
        guard let stage = bp.stage else {
            let at = bp.pipelineName?.keyRange ?? SourceRange(start: bp.root.range.start, end: bp.root.range.start + 1)
            return [finding(bp, at: at, pointer: "",
                            "STAGE is missing: the deploy script reads null and stops with 'mode null not implemented yet'",
                            hint: "add \"STAGE\": \"websubstack\" (the current production mode)")]
        }
        guard let value = stage.realString, !Protocols.stages.contains(value) else { return [] }
        let suggestion = Suggest.phrase(for: value, in: Protocols.stages)
        return [finding(bp, stage, "STAGE '\(value)' is not a deploy mode\(suggestion)",
                        hint: suggestion.isEmpty ? "websubstack is the current production mode; develop and webdev are older" : "dev_builder.py accepts develop, webdev and websubstack, exactly")]
    }
}
