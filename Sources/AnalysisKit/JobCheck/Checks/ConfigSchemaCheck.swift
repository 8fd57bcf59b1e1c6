import BlueprintKit

struct ConfigSchemaCheck: JobCheck {
    static let description = JobCheckDescription(
        id: "BP411", name: "config-schema", severity: .error,
        summary: "The config breaks the analysis's own config schema (config.schema.json beside the blueprint).",
        rationale: "Input parsing is the most common failure on NeuroCAAS; a schema written by the analysis developer catches a wrong parameter before an instance starts.",
        triggering: [JobExample.schema(#"{"type": "object", "properties": {"threshold": {"type": "number", "maximum": 1}}, "required": ["threshold"]}"#)
                        .also(config: ("threshold: 0.5", "threshold: 5")),
                     JobExample.schema(#"{"type": "object", "required": ["model"]}"#)],
        nonTriggering: [.clean, .schema(#"{"type": "object", "properties": {"threshold": {"type": "number", "maximum": 1}}}"#)])

    func check(_ job: JobInput) -> [Diagnostic] {
        guard let schema = job.configSchema, let config = job.config else { return [] }
        return SchemaEvaluator(schema).validate(config.root).map { e in
            let at = JSONPointer.dotted(e.instancePointer)
            return finding(config.source, at: e.instanceRange, pointer: e.instancePointer,
                           at.isEmpty ? "config: \(e.message)" : "\(at): \(e.message)",
                           hint: e.description ?? "see the analysis's config.schema.json (keyword \(e.keywordLocation))")
        }
    }
}

extension JobExample {
    func also(config edit: (String, String)) -> JobExample { var e = self; e.configEdits.append(edit); return e }
}
