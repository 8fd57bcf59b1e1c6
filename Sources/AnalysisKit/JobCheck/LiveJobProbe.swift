import AWSClient
import BlueprintKit

/// `check-job --live`: what AWS holds for this job (objects, spend, budget), read before the
/// checks so they stay pure. Also fetches the config from S3 when none was given locally.
public enum LiveJobProbe {
    public static func gather(_ job: JobInput, client: AWSClient) async throws -> JobInput {
        let s3 = S3(client)
        var job = job
        var facts = LiveFacts()
        let bucket = job.bucket
        var keys = job.datanames.map(\.value)
        if let c = job.configname { keys.append(c.value) }
        for written in keys {
            guard let k = S3Key(written) else { continue }
            if try await s3.headObject(bucket: k.bucket ?? bucket, key: k.key) == nil { facts.missingObjects.insert(written) }
        }
        if job.config == nil, let c = job.configname, !facts.missingObjects.contains(c.value), let k = S3Key(c.value) {
            let path = "s3://\(k.bucket ?? bucket)/\(k.key)"
            let bytes = try await s3.getObject(bucket: k.bucket ?? bucket, key: k.key)
            switch Document.parse(path: path, bytes: bytes) {
            case .success(let doc): job.config = doc
            case .failure(let e): job.configLoadError = e
            }
        }
        if let group = job.impliedGroup, let pipeline = job.blueprint.pipelineNameValue {
            let reader = BucketReader(s3: s3, bucket: pipeline)
            let records = try await reader.records(group: group)
            facts.pastSpend = records.reduce(0) { $0 + $1.cost }
            facts.pastInstances = records.count
            (facts.budget, facts.budgetSource) = try await reader.budget(ssm: SSM(client), group: group, pipeline: pipeline, maxCost: job.maxCost)
        }
        job.live = facts
        return job
    }
}
