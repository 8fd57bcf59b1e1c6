import BlueprintKit

struct SubmitOptionsCheck: JobCheck {
    static let description = JobCheckDescription(
        id: "BP404", name: "submit-options", severity: .error,
        summary: "An optional submit.json field is malformed: `instance_type`, `resultpath`, or mismatched s3:// input buckets.",
        rationale: "instance_type overrides INSTANCE_TYPE at RunInstances; resultpath must be s3://bucket/prefix (asserted); bypass inputs must come from one bucket (asserted). Each failure happens after the job started.",
        triggering: [.submit(("\"timestamp\"", "\"instance_type\": \"p3.huge\",\n    \"timestamp\"")),
                     .submit(("\"timestamp\"", "\"resultpath\": \"results/elsewhere\",\n    \"timestamp\"")),
                     .submit(("\"cunninghamlab/inputs/session1.zip\"", "\"s3://bucket-a/x/inputs/a.zip\""),
                             ("\"cunninghamlab/configs/config.yaml\"", "\"s3://bucket-b/x/configs/c.yaml\""))],
        nonTriggering: [.clean, .submit(("\"timestamp\"", "\"instance_type\": \"p3.8xlarge\",\n    \"resultpath\": \"s3://out-bucket/results\",\n    \"timestamp\""))])

    func check(_ job: JobInput) -> [Diagnostic] {
        guard job.submit.root.isObject else { return [] }
        let src = job.submit.source
        var out: [Diagnostic] = []
        if let f = job.submitField("instance_type") {
            if let t = f.node.string {
                if !InstanceTypes.isKnown(t) {
                    out.append(finding(src, f.node, pointer: f.pointer, "instance_type '\(t)' is not an EC2 instance type",
                                       hint: "use a type such as p3.2xlarge, or drop the field to use the blueprint's INSTANCE_TYPE"))
                }
            } else {
                out.append(finding(src, f.node, pointer: f.pointer, "instance_type is \(f.node.typeName); it must be a string", hint: "\"instance_type\": \"p3.2xlarge\""))
            }
        }
        if let f = job.submitField("resultpath") {
            if let s = f.node.string.flatMap(S3Key.init), s.bucket != nil, !s.bucket!.isEmpty {} else {
                out.append(finding(src, f.node, pointer: f.pointer, "resultpath (\(f.node.shortDescription)) is not of the form s3://bucket/prefix",
                                   hint: "write \"resultpath\": \"s3://<bucket>/<prefix>\", or drop it to write results under the group's results/"))
            }
        }
        // Input bypass: dataname[0] and configname both s3:// → one bucket (the job manager asserts).
        if let d = job.datanames.first, let c = job.configname, let dk = S3Key(d.value), let ck = S3Key(c.value),
           let db = dk.bucket, let cb = ck.bucket, db != cb {
            out.append(finding(src, c, "configname is in bucket '\(cb)' but dataname in '\(db)'; bypass inputs must share one bucket",
                               hint: "put the config into s3://\(db)/…", related: [.init(message: "dataname", file: src.path, location: src.location(of: d.range.start))]))
        }
        return out
    }
}
