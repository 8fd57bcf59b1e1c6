import BlueprintKit

struct SubmitDatanameCheck: JobCheck {
    static let description = JobCheckDescription(
        id: "BP402", name: "submit-dataname", severity: .error,
        summary: "`dataname` is missing, empty, or not a string or list of strings.",
        rationale: "Each dataname entry is one dataset and one instance; a missing field stops the job, a non-string entry crashes check_existence (TypeError).",
        triggering: [.submit(("\"dataname\": \"cunninghamlab/inputs/session1.zip\",\n    ", "")),
                     .submit(("\"cunninghamlab/inputs/session1.zip\"", "[]")),
                     .submit(("\"cunninghamlab/inputs/session1.zip\"", "[\"cunninghamlab/inputs/a.zip\", 7]")),
                     .submit(("\"cunninghamlab/inputs/session1.zip\"", "{\"key\": \"x\"}"))],
        nonTriggering: [.clean, .submit(("\"cunninghamlab/inputs/session1.zip\"", "[\"cunninghamlab/inputs/a.zip\", \"cunninghamlab/inputs/b.zip\"]"))])

    func check(_ job: JobInput) -> [Diagnostic] {
        guard job.submit.root.isObject else { return [] }
        let src = job.submit.source
        guard let f = job.submitField("dataname") else {
            return [findingAtRoot(job.submit, "submit.json has no 'dataname'", hint: "add \"dataname\": \"<group>/inputs/<file>\" (or a list of keys)")]
        }
        if let s = f.node.string {
            return s.isEmpty ? [finding(src, f.node, pointer: f.pointer, "'dataname' is empty", hint: "name the dataset key, e.g. \"<group>/inputs/data.zip\"")] : []
        }
        guard let list = f.node.elements else {
            return [finding(src, f.node, pointer: f.pointer, "'dataname' is \(f.node.typeName); it must be a string or a list of strings",
                            hint: "\"dataname\": \"<group>/inputs/<file>\"")]
        }
        if list.isEmpty {
            return [finding(src, f.node, pointer: f.pointer, "'dataname' is an empty list: the job would start no instance",
                            hint: "list at least one dataset key")]
        }
        return list.enumerated().compactMap { i, e in
            if let s = e.string, !s.isEmpty { return nil }
            return finding(src, e, pointer: JSONPointer.appending(f.pointer, i),
                           "dataname[\(i)] is \(e.string == nil ? e.typeName : "empty"); each entry must be a dataset key",
                           hint: "write the key as a string, e.g. \"<group>/inputs/data.zip\"")
        }
    }
}
