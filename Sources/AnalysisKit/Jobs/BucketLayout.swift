/// Where a deployed analysis keeps things (contrib-cli-reference §10; bucket = PipelineName).
public enum BucketLayout {
    public static let logs = "logs/"
    /// Folders under logs/ that are not groups.
    public static let notGroups: Set<String> = ["active", "debug", "logs"]

    public static func budgetParameter(group: String, pipeline: String) -> String { "/neurocaas/budgets/\(group)/\(pipeline)" }
    public static func jobPath(group: String, bucket: String, timestamp: String) -> String { "\(group)/results/job__\(bucket)_\(timestamp)" }
    public static func certificate(job: String) -> String { "\(job)/logs/certificate.txt" }
    public static func status(job: String, dataset: String) -> String { "\(job)/logs/DATASET_NAME:\(dataset)_STATUS.txt" }
    /// The end markers: the workflow's cleanup writes update.txt, FigLambda writes end.txt.
    public static func endMarkers(job: String) -> [String] { ["\(job)/process_results/update.txt", "\(job)/process_results/end.txt"] }

    /// The group of a `logs/<group>/<file>` key, when it is a group folder.
    public static func group(ofLogKey key: String) -> String? {
        let parts = key.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "logs", !parts[1].isEmpty, !notGroups.contains(String(parts[1])) else { return nil }
        return String(parts[1])
    }
}
