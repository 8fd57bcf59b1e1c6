import BlueprintKit

struct LiveObjectsCheck: JobCheck {
    static let description = JobCheckDescription(
        id: "BP420", name: "live-object-missing", severity: .error,
        summary: "(--live) A dataset or the config named in submit.json is not in the bucket.",
        rationale: "check_existence fails step 2 with \"'dataname' field refers to data that cannot be found\"; checking first saves a round trip through the job manager.",
        triggering: [.live(LiveFacts(missingObjects: ["cunninghamlab/inputs/session1.zip"], budget: 300)),
                     .live(LiveFacts(missingObjects: ["cunninghamlab/configs/config.yaml"], budget: 300))],
        nonTriggering: [.clean, .live(LiveFacts(budget: 300))])

    func check(_ job: JobInput) -> [Diagnostic] {
        guard let live = job.live else { return [] }
        let bucket = job.bucket
        var out: [Diagnostic] = []
        for d in job.datanames where live.missingObjects.contains(d.value) {
            out.append(finding(job.submit.source, d, "dataset '\(d.value)' does not exist in s3://\(bucket)",
                               hint: "upload it first (aws s3 cp <file> s3://\(bucket)/\(S3Key(d.value)?.key ?? d.value)) or correct the key"))
        }
        if let c = job.configname, live.missingObjects.contains(c.value) {
            out.append(finding(job.submit.source, c, "config '\(c.value)' does not exist in s3://\(bucket)",
                               hint: "upload it first (aws s3 cp <file> s3://\(bucket)/\(S3Key(c.value)?.key ?? c.value)) or correct the key"))
        }
        return out
    }
}
