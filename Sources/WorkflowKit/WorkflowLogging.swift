import Foundation

extension Workflow {
    /// `log-command -b BUCKET -c COMMAND -r RESULTFOLDER`: run the analysis with its log and status
    /// published under `s3://BUCKET/<group>/<resultfolder>/logs/` (or the s3:// folder given).
    public func logCommand(bucket: String, command: String, resultFolder: String, interval: Double = 5,
                           echo: @escaping @Sendable (Data) -> Void, notice: @escaping @Sendable (String) -> Void) async throws -> Int32 {
        let r = try state.load()
        guard let data = r.data.s3.flatMap(S3URI.init) else {
            throw WorkflowError.notRegistered("The dataset (from S3)", command: Kind.data.registerCommand)
        }
        let jobPath = resultFolder.hasPrefix("s3://") ? resultFolder : "s3://\(bucket)/\(try JobState.group(r))/\(resultFolder)"
        guard let logs = S3URI(jobPath.hasSuffix("/") ? jobPath + "logs" : jobPath + "/logs") else {
            throw WorkflowError("\(jobPath) is not an S3 location")
        }
        let name = (data.key as NSString).lastPathComponent
        let statusURI = S3URI(bucket: logs.bucket, key: "\(logs.key)/DATASET_NAME:\(name)_STATUS.txt")
        let logURI = S3URI(bucket: logs.bucket, key: "\(logs.key)/log.txt")
        let certificateURI = S3URI(bucket: logs.bucket, key: "\(logs.key)/certificate.txt")
        let store = try self.store()
        let logDir = (try state.jobDirectory() as NSString).appendingPathComponent("logs")
        let logger = JobLogger(command: command, logDirectory: logDir, input: data.key, interval: interval, failureReport: notice) { status, log in
            // A failed upload must not stop the analysis: report it and keep going.
            for (text, uri) in [(status, statusURI), (log, logURI)] {
                let temp = (logDir as NSString).appendingPathComponent(".upload-\(UUID().uuidString)")
                guard FileManager.default.createFile(atPath: temp, contents: Data(text.utf8)) else {
                    notice("could not publish \(uri): cannot write \(temp)")
                    continue
                }
                do { try await store.upload(temp, to: uri) } catch { notice("could not publish \(uri): \(error)") }
                try? FileManager.default.removeItem(atPath: temp)
            }
            await Self.updateCertificate(certificateURI, status: status, log: log, input: data.key, store: store, scratch: logDir)
        }
        notice("logging to \(logs)")
        return try await logger.run(echo: echo)
    }

    /// Patch this dataset's line in the job's certificate.txt, when the job manager wrote one.
    static func updateCertificate(_ uri: S3URI, status: String, log: String, input: String, store: ObjectStore, scratch: String) async {
        let temp = (scratch as NSString).appendingPathComponent(".certificate-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(atPath: temp) }
        guard (try? await store.download(uri, to: temp)) != nil, let text = try? String(contentsOfFile: temp, encoding: .utf8),
              let record = try? JSONSerialization.jsonObject(with: Data(status.utf8)) as? [String: Any] else { return }
        let last = log.split(separator: "\n").last { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.map(String.init) ?? ""
        guard let patched = Certificate.patch(text, input: input, status: record["status"] as? String ?? "",
                                              lastCommand: last, finished: (record["job_finish"] as? String ?? "N/A") != "N/A",
                                              cpu: record["cpu_usage"] as? String ?? "N/A"),
              FileManager.default.createFile(atPath: temp, contents: Data(patched.utf8)) else { return }
        try? await store.upload(temp, to: uri)
    }

    /// `log-command-local -c COMMAND`: the same, with the log and status written to
    /// `<result path>/logs/` on disk.
    public func logCommandLocal(command: String, interval: Double = 5, echo: @escaping @Sendable (Data) -> Void,
                                notice: @escaping @Sendable (String) -> Void = { _ in }) async throws -> Int32 {
        let r = try state.load()
        guard let result = r.resultpath.localsource else {
            throw WorkflowError("log-command-local needs a local result path", hint: "run: neurocaas-contrib workflow register-resultpath -l DIR")
        }
        let logDir = (result as NSString).appendingPathComponent("logs")
        let input = r.data.local ?? r.data.localsource ?? r.data.s3 ?? "unregistered"
        let statusFile = (logDir as NSString).appendingPathComponent("DATASTATUS.json")
        let logger = JobLogger(command: command, logDirectory: logDir, input: input, interval: interval, failureReport: notice) { status, _ in
            try? JobState.atomicWrite(status, to: statusFile)
        }
        return try await logger.run(echo: echo)
    }

    /// `cleanup`: publish the config used and the `update.txt` "job finished" marker, plus the log
    /// if there is one. Safe to run twice.
    public func cleanup() async throws -> [String] {
        let logs = (try state.jobDirectory() as NSString).appendingPathComponent("logs")
        try FileManager.default.createDirectory(atPath: logs, withIntermediateDirectories: true)
        var published: [String] = []
        if (try? state.load().config).map({ $0.s3 != nil || $0.localsource != nil }) == true {
            let config = try await fetch(.config, outputDirectory: logs, force: true)
            published.append(try await putResult(config))
        }
        let log = (logs as NSString).appendingPathComponent("log.txt")
        if FileManager.default.fileExists(atPath: log) { published.append(try await putResult(log)) }
        let marker = (logs as NSString).appendingPathComponent("update.txt")
        guard FileManager.default.createFile(atPath: marker, contents: Data()) else { throw WorkflowError("cannot write \(marker)") }
        published.append(try await putResult(marker))
        return published
    }
}
