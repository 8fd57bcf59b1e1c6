/// Findings that come from bpctl itself rather than from a check of the blueprint's content.
/// They have ids and docs like every rule, but no check function.
public enum MetaRules {
    public static let parse = RuleDescription(
        id: "BP000", name: "parse-error", severity: .error,
        summary: "The file could not be read or parsed (syntax error, duplicate key, bad encoding, too large or too deep).",
        rationale: "A blueprint that does not parse cannot be checked; bpctl exits 2 and names the exact line and column.",
        triggering: [.json("{\"PipelineName\": \"a\", \"PipelineName\": \"b\"}"), .json("{\"PipelineName\": \"a\",}")],
        nonTriggering: [.clean])

    public static let schema = RuleDescription(
        id: "BP001", name: "schema", severity: .error,
        summary: "The blueprint does not satisfy schemas/blueprint.schema.json (or the --schema given).",
        rationale: "The JSON Schema is the contract editors and reviewers share; bpctl reports a schema violation only when no NeuroCAAS rule already reports the same value, so one problem is one finding.",
        triggering: [.edit(("\"KEY_NAME\": \"testkeystack-custom-dev-key-pair\"", "\"KEY_NAME\": \"\"")),
                     .edit(("\"IAM_ROLE\": \"SSMRole\"", "\"IAM_ROLE\": \"\""))],
        nonTriggering: [.clean])

    public static let suppressionReason = RuleDescription(
        id: "BP900", name: "suppression-without-reason", severity: .warning,
        summary: "A suppression (in .bpctl.yaml or Metadata.bpctl.ignore) has no reason.",
        rationale: "Suppressions outlive the people who wrote them; a required reason keeps the decision reviewable.",
        triggering: [.edit(("\"STAGE\": \"websubstack\",", "\"STAGE\": \"websubstack\", \"Metadata\": {\"bpctl\": {\"ignore\": [{\"rule\": \"BP144\"}]}},"))],
        nonTriggering: [.clean, .edit(("\"STAGE\": \"websubstack\",", "\"STAGE\": \"websubstack\", \"Metadata\": {\"bpctl\": {\"ignore\": [{\"rule\": \"BP144\", \"reason\": \"legacy image\"}]}},"))])

    public static let suppressionUnknownRule = RuleDescription(
        id: "BP901", name: "suppression-unknown-rule", severity: .warning,
        summary: "A suppression names a rule id that does not exist.",
        rationale: "A mistyped id suppresses nothing while looking as if it did.",
        triggering: [.edit(("\"STAGE\": \"websubstack\",", "\"STAGE\": \"websubstack\", \"Metadata\": {\"bpctl\": {\"ignore\": [{\"rule\": \"BP9999\", \"reason\": \"x\"}]}},"))],
        nonTriggering: [.clean])

    public static let configInvalid = RuleDescription(
        id: "BP902", name: "config-invalid", severity: .error,
        summary: "A .bpctl.yaml or Metadata.bpctl section has the wrong shape.",
        rationale: "A configuration bpctl cannot read would silently change what is checked.",
        triggering: [.withFiles([".bpctl.yaml": "ignore: BP144\n"])],
        nonTriggering: [.withFiles([".bpctl.yaml": "ignore:\n  - rule: BP144\n    reason: legacy images\n"])])

    public static let all = [parse, schema, suppressionReason, suppressionUnknownRule, configInvalid]
}
