import BlueprintKit

struct SubmitShapeCheck: JobCheck {
    static let description = JobCheckDescription(
        id: "BP400", name: "submit-shape", severity: .error,
        summary: "submit.json is not a JSON object.",
        rationale: "The job manager reads submit.json as a dict; anything else fails before a certificate exists, so the user sees nothing.",
        triggering: [.submit(("{\n    \"dataname\"", "[{\n    \"dataname\""), ("\"\n}\n", "\"\n}]\n"))])

    func check(_ job: JobInput) -> [Diagnostic] {
        guard !job.submit.root.isObject else { return [] }
        return [finding(job.submit.source, job.submit.root, pointer: "", "submit.json holds \(job.submit.root.typeName), not an object",
                        hint: "write {\"dataname\": \"<group>/inputs/<file>\", \"configname\": \"<group>/configs/<file>\", \"timestamp\": \"<id>\"}")]
    }
}
