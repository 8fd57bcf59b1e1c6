import AWSClient
import BlueprintKit
import Foundation

/// submit-job / job-status / job-output: run the blueprint's COMMAND on the selected dev instance
/// through SSM, the way the job manager would, without the job manager.
extension DevSession {
    public struct Submitted: Sendable {
        public let job: DevState.Job
        public let command: String
    }

    public func submit(_ file: SubmitFile) async throws -> Submitted {
        let (_, i) = try selected()
        try require(i, in: ["running"], to: "submit a job", hint: "start it with start-devinstance")
        let bucket = try blueprint.pipelineName
        let resultPrefix = "results/job__\(bucket)_\(file.timestamp)"
        let command = try CommandTemplate.fill(try blueprint.command, source: blueprint.source,
                                               values: [bucket, file.dataname, resultPrefix, file.configname])
        let workdir = try blueprint.workingDirectory, timeout = try blueprint.ssmTimeout
        // Both inputs must exist; a dataset may also be a folder (a prefix), as the Python tool allows.
        async let data = exists(bucket, file.dataname, folderAllowed: true)
        async let config = exists(bucket, file.configname, folderAllowed: false)
        let (hasData, hasConfig) = try await (data, config)
        for (ok, key, node) in [(hasData, file.dataname, file.datanameNode), (hasConfig, file.configname, file.confignameNode)] where !ok {
            throw DevError(.check, "s3://\(bucket)/\(key) does not exist", hint: "upload it first: aws s3 cp FILE s3://\(bucket)/\(key)",
                           at: node, in: file.source)
        }
        let outputPrefix = "debug_direct/"
        let id = try await ssm.sendCommand(instanceIDs: [i.id], commands: [command], workingDirectory: workdir, timeoutSeconds: timeout,
                                           outputBucket: bucket, outputPrefix: outputPrefix)
        let job = DevState.Job(instance: i.id, commandID: id, submitted: options.now(), dataname: file.dataname, configname: file.configname,
                               resultPrefix: resultPrefix, outputBucket: bucket, outputPrefix: outputPrefix)
        // Recorded before anything else can fail: the command is already on its way.
        state.jobs.append(job)
        try save()
        if let group = file.group {
            // The job manager's initial status record. log-command on the instance rewrites it every
            // few seconds, so even if this lands after the job's first update it is corrected.
            let base = (file.dataname as NSString).lastPathComponent
            let key = "\(group)/\(resultPrefix)/logs/DATASET_NAME:\(base)_STATUS.txt"
            let status = "{\"status\": \"INITIALIZING\", \"reason\": \"NONE\", \"stdout\": \"not given yet\", \"stderr\": \"not given yet\", "
                + "\"input\": \(Self.quote(file.dataname)), \"instance\": \(Self.quote(i.id)), \"command\": \(Self.quote(job.commandID))}"
            try await s3.putObject(bucket: bucket, key: key, body: Array(status.utf8), contentType: "application/json")
        }
        return Submitted(job: job, command: command)
    }

    private func exists(_ bucket: String, _ key: String, folderAllowed: Bool) async throws -> Bool {
        if try await s3.headObject(bucket: bucket, key: key) != nil { return true }
        return folderAllowed ? try await s3.hasObject(bucket: bucket, prefix: key.hasSuffix("/") ? key : key + "/") : false
    }

    /// A job by the Python tool's index (-1 = latest, negative counts from the end).
    public func job(_ index: Int) throws -> DevState.Job {
        guard !state.jobs.isEmpty else {
            throw DevError(.refused, "no job has been submitted for this analysis", hint: "submit one with submit-job -s submit.json")
        }
        let i = index < 0 ? state.jobs.count + index : index
        guard state.jobs.indices.contains(i) else {
            throw DevError(.usage, "no job \(index): \(state.jobs.count) job\(state.jobs.count == 1 ? "" : "s") submitted",
                           hint: "use -j between \(-state.jobs.count) and \(state.jobs.count - 1)")
        }
        return state.jobs[i]
    }

    public func invocation(_ job: DevState.Job) async throws -> SSM.Invocation {
        do {
            return try await ssm.getCommandInvocation(commandID: job.commandID, instanceID: job.instance)
        } catch AWSError.service(let e) where e.code == "InvocationDoesNotExist" {
            throw DevError(.check, "SSM has no record of command \(job.commandID) on \(job.instance) (SSM keeps them 30 days)")
        }
    }

    /// The job's full stdout/stderr: the invocation holds the first 24,000 characters; beyond
    /// that SSM's copy in S3 is read.
    public func output(_ job: DevState.Job) async throws -> (SSM.Invocation, stdout: String, stderr: String) {
        let inv = try await invocation(job)
        func full(_ inline: String, _ stream: String) async -> String {
            guard inline.utf8.count >= 24000 else { return inline }
            let key = "\(job.outputPrefix)\(job.commandID)/\(job.instance)/awsrunShellScript/0.awsrunShellScript/\(stream)"
            return (try? await s3.getObject(bucket: job.outputBucket, key: key)).map { String(decoding: $0, as: UTF8.self) } ?? inline
        }
        return (inv, await full(inv.standardOutput, "stdout"), await full(inv.standardError, "stderr"))
    }

    /// As the job manager's Python writes its records.
    static func quote(_ s: String) -> String { JSONOut.pythonQuoted(s) }
}
