import BlueprintKit

struct SubmitTimestampCheck: JobCheck {
    static let description = JobCheckDescription(
        id: "BP401", name: "submit-timestamp", severity: .error,
        summary: "submit.json has no usable `timestamp`.",
        rationale: "A missing timestamp fails the job in step 1, before any certificate exists: the error reaches CloudWatch only, never the user. The timestamp names the job folder (job__<bucket>_<timestamp>).",
        triggering: [.submit((",\n    \"timestamp\": \"20240101120000\"", "")),
                     .submit(("\"20240101120000\"", "\"2024/01/01 12:00\"")),
                     .submit(("\"20240101120000\"", "[1]"))],
        nonTriggering: [.clean, .submit(("\"20240101120000\"", "20240101120000"))])

    func check(_ job: JobInput) -> [Diagnostic] {
        guard job.submit.root.isObject else { return [] }
        guard let f = job.submitField("timestamp") else {
            return [findingAtRoot(job.submit, "submit.json has no 'timestamp'",
                                  hint: "add \"timestamp\": \"<unique id>\"; it names the job folder job__\(job.bucket)_<timestamp>")]
        }
        let text: String
        if let s = f.node.string { text = s } else if let n = f.node.number { text = n.raw } else {
            return [finding(job.submit.source, f.node, pointer: f.pointer, "'timestamp' is \(f.node.typeName); it must be a string",
                            hint: "use a string such as \"20240101120000\"")]
        }
        if text.isEmpty || text.contains("/") || text.contains(where: \.isWhitespace) {
            return [finding(job.submit.source, f.node, pointer: f.pointer,
                            "'timestamp' '\(text)' \(text.isEmpty ? "is empty" : "contains a slash or whitespace"); it becomes part of the job folder's key",
                            hint: "use letters, digits, '-' and '_' only, e.g. \"20240101120000\"")]
        }
        return []
    }
}
