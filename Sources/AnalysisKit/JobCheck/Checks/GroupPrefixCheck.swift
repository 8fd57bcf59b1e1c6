import BlueprintKit

struct GroupPrefixCheck: JobCheck {
    static let description = JobCheckDescription(
        id: "BP405", name: "group-prefix", severity: .error,
        summary: "A dataset or config key is not under the group's `inputs/` or `configs/` prefix, or the group is not an affiliate of the blueprint.",
        rationale: "The end-of-job bookkeeping derives the group from the dataset key (.+?(?=/inputs)); data elsewhere leaves the job unaccounted and SearchLambda never fires. Users only get access to their own group's folder.",
        triggering: [.submit(("\"cunninghamlab/inputs/session1.zip\"", "\"cunninghamlab/data/session1.zip\"")),
                     .submit(("\"cunninghamlab/inputs/session1.zip\"", "\"otherlab/inputs/session1.zip\""),
                             ("\"cunninghamlab/configs/config.yaml\"", "\"otherlab/configs/config.yaml\"")),
                     .submit(("\"cunninghamlab/inputs/session1.zip\"", "[\"cunninghamlab/inputs/a.zip\", \"debuggers/inputs/b.zip\"]")),
                     .submit(("\"cunninghamlab/configs/config.yaml\"", "\"debuggers/configs/config.yaml\""))],
        nonTriggering: [.clean, .submit(("\"cunninghamlab/inputs/session1.zip\"", "\"cunninghamlab/inputs/sub/session1.zip\""))])

    func check(_ job: JobInput) -> [Diagnostic] {
        guard job.submit.root.isObject, let group = job.impliedGroup, !group.isEmpty else { return [] }
        let src = job.submit.source
        let bp = job.blueprint
        var out: [Diagnostic] = []
        let affiliates = bp.affiliates.compactMap { $0.name?.node.string }
        if !affiliates.isEmpty, !affiliates.contains(group), let first = job.datanames.first {
            out.append(finding(src, first, "group '\(group)' is not an affiliate of \(bp.pipelineNameValue ?? "this analysis")",
                               hint: "the keys must start with one of: \(affiliates.joined(separator: ", "))",
                               related: related("UXData.Affiliates", bp.uxData?.affiliatesField, in: bp)))
        }
        for d in job.datanames {
            guard let k = S3Key(d.value), k.bucket == nil else { continue } // bypass inputs live elsewhere by design
            let seg = k.segments
            if seg.first != group {
                out.append(finding(src, d, "dataset '\(d.value)' is outside the group's prefix '\(group)/inputs/'",
                                   hint: "upload it to \(group)/inputs/\(seg.last ?? "") and name that key"))
            } else if seg.count < 3 || seg[1] != "inputs" || seg.last!.isEmpty {
                out.append(finding(src, d, "dataset '\(d.value)' is not under '\(group)/inputs/'; the job's cost record cannot find its group",
                                   hint: "upload it to \(group)/inputs/\(seg.last ?? "") and name that key"))
            }
        }
        if let c = job.configname, let k = S3Key(c.value), k.bucket == nil {
            let seg = k.segments
            if seg.first != group || seg.count < 3 || seg[1] != "configs" {
                out.append(finding(src, c, "config '\(c.value)' is not under the group's prefix '\(group)/configs/'",
                                   hint: "upload it to \(group)/configs/\(seg.last ?? "") and name that key", severity: seg.first == group ? .warning : nil))
            }
        }
        return out
    }
}
