import BlueprintKit

struct SubmitConfignameCheck: JobCheck {
    static let description = JobCheckDescription(
        id: "BP403", name: "submit-configname", severity: .error,
        summary: "`configname` is missing, not a string, or does not end in .json or .yaml.",
        rationale: "The job manager parses the config by extension (.json or .yaml); any other extension leaves it unparsed and fails step 2.",
        triggering: [.submit(("\"configname\": \"cunninghamlab/configs/config.yaml\",\n    ", "")),
                     .submit(("\"cunninghamlab/configs/config.yaml\"", "\"cunninghamlab/configs/config.txt\"")),
                     .submit(("\"cunninghamlab/configs/config.yaml\"", "[\"cunninghamlab/configs/config.yaml\"]"))],
        nonTriggering: [.clean, .submit(("\"cunninghamlab/configs/config.yaml\"", "\"cunninghamlab/configs/config.json\""))])

    func check(_ job: JobInput) -> [Diagnostic] {
        guard job.submit.root.isObject else { return [] }
        guard let f = job.submitField("configname") else {
            return [findingAtRoot(job.submit, "submit.json has no 'configname'", hint: "add \"configname\": \"<group>/configs/<file>.yaml\"")]
        }
        guard let s = f.node.string else {
            return [finding(job.submit.source, f.node, pointer: f.pointer, "'configname' is \(f.node.typeName); it must be one key as a string",
                            hint: "\"configname\": \"<group>/configs/config.yaml\"")]
        }
        let lower = s.lowercased()
        guard lower.hasSuffix(".json") || lower.hasSuffix(".yaml") else {
            return [finding(job.submit.source, f.node, pointer: f.pointer,
                            "'configname' '\(s)' does not end in .json or .yaml; the job manager reads no other config",
                            hint: lower.hasSuffix(".yml") ? "rename the config to .yaml" : "upload the config as .yaml or .json")]
        }
        return []
    }
}
