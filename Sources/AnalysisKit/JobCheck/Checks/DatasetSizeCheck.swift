import BlueprintKit

struct DatasetSizeCheck: JobCheck {
    static let description = JobCheckDescription(
        id: "BP408", name: "dataset-size", severity: .error,
        summary: "`__dataset_size__` is not a whole, non-negative number of GB.",
        rationale: "The job manager adds __dataset_size__ to the AMI's root volume size; a wrong type fails step 3, which also fires SearchLambda with no results.",
        triggering: [.config(("__dataset_size__: 20", "__dataset_size__: 20GB")),
                     .config(("__dataset_size__: 20", "__dataset_size__: 2.5")),
                     .config(("__dataset_size__: 20", "__dataset_size__: -1"))],
        nonTriggering: [.clean, .config(("__dataset_size__: 20\n", ""))])

    func check(_ job: JobInput) -> [Diagnostic] {
        guard let config = job.config, let f = config.root.field("__dataset_size__", parentPointer: "") else { return [] }
        if let n = f.node.number, !n.raw.contains("."), !n.raw.lowercased().contains("e"), let i = n.integer, i >= 0 { return [] }
        let what = f.node.number.map { "\($0.raw) is not a whole non-negative number" } ?? "is \(f.node.shortDescription)"
        return [finding(config.source, f.node, pointer: f.pointer, "__dataset_size__ \(what); it must be an integer number of GB",
                        hint: "write __dataset_size__: 20 (GB, no unit, no quotes)")]
    }
}
