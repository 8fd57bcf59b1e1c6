import AnalysisKit
import ArgumentParser
import AWSClient
import BlueprintKit
import Foundation

/// `monitor`: the Python tool's developer-side job inspection, with its names and flags.
struct MonitorGroup: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "monitor", abstract: "Inspect an analysis's users and jobs (bucket = PipelineName).",
        subcommands: [SeeUsers.self, DescribeCertificate.self, DescribeDatastatus.self, PollAnalysis.self, VisualizeParallelism.self])

    /// Resolve the bucket, build a reader, turn failures into one sentence and an exit code.
    static func run(stackname: String?, _ body: (MonitorReader) async throws -> Void) async throws {
        let config = ContribConfig.load(home: AnalysisContext.home)
        do {
            let bucket = try ContribMonitor.bucket(stackname: stackname, config: config)
            let env = AWSEnvironment.process
            let region = CredentialChain(environment: env, transport: URLSessionTransport()).region(fallback: "us-east-1") ?? "us-east-1"
            try await Runner.run { try await body(MonitorReader(s3: S3(AWSClient(environment: env, region: region)), bucket: bucket)) }
        } catch let e as ContribMonitor.Failure {
            switch e {
            case .usage(let m): throw AnalysisContext.fail("Error: \(m)", code: 2)
            case .failed(let m): throw AnalysisContext.fail("Error: \(m)")
            }
        }
    }
}

struct SeeUsers: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "see-users", abstract: "Print each group seen in logs/ with its usage records.")
    @Option(name: [.short, .long], help: "Analysis folder or bucket name.") var stackname: String?

    func run() async throws {
        try await MonitorGroup.run(stackname: stackname) { reader in
            let text = try await ContribMonitor.seeUsers(reader)
            Runner.print(text.isEmpty ? "bucket not correctly formatted. skipping." : text)
        }
    }
}

/// `-s -p | -g -t`, shared by the describe commands.
struct JobRefOptions: ParsableArguments {
    @Option(name: [.short, .long], help: "Analysis folder or bucket name.") var stackname: String?
    @Option(name: [.customShort("p"), .long], help: "The job's submit file.") var submitpath: String?
    @Option(name: [.customShort("g"), .long], help: "The group (with -t, instead of -p).") var groupname: String?
    @Option(name: [.short, .long], help: "The job's timestamp (with -g, instead of -p).") var timestamp: String?

    func job() throws -> ContribMonitor.JobRef {
        do { return try ContribMonitor.job(submitPath: submitpath, group: groupname, timestamp: timestamp) } catch {
            if case .usage(let m) = error { throw ValidationError(m) }
            throw ValidationError("\(error)")
        }
    }
}

struct DescribeCertificate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "describe-certificate", abstract: "Print a job's certificate.txt.")
    @OptionGroup var ref: JobRefOptions

    func validate() throws { _ = try ref.job() }

    func run() async throws {
        let job = try ref.job()
        try await MonitorGroup.run(stackname: ref.stackname) { reader in
            let path = job.path(bucket: reader.name)
            guard let text = try await reader.certificate(job: path) else {
                throw ContribMonitor.Failure.failed("Error getting certificate: s3://\(reader.name)/\(BucketLayout.certificate(job: path)) does not exist")
            }
            Runner.print(text)
        }
    }
}

struct DescribeDatastatus: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "describe-datastatus", abstract: "Print one dataset's status file and its log.")
    @OptionGroup var ref: JobRefOptions
    @Option(name: [.short, .long], help: "The dataset's file name (default: the submit file's first dataset).") var dataname: String?
    @Option(name: [.short, .long], help: "Skip this many log lines.") var cutoff = 0

    func validate() throws {
        let job = try ref.job()
        if dataname == nil && job.datasets.isEmpty { throw ValidationError("give -d DATANAME (the dataset's file name)") }
        if cutoff < 0 { throw ValidationError("--cutoff must not be negative") }
    }

    func run() async throws {
        let job = try ref.job()
        let dataset = dataname ?? job.datasets[0]
        try await MonitorGroup.run(stackname: ref.stackname) { reader in
            let key = BucketLayout.status(job: job.path(bucket: reader.name), dataset: dataset)
            guard try await reader.s3.headObject(bucket: reader.name, key: key) != nil else {
                throw ContribMonitor.Failure.failed("Error getting status: s3://\(reader.name)/\(key) does not exist")
            }
            let bytes = try await reader.s3.getObject(bucket: reader.name, key: key)
            guard let status = DatasetStatus(dataset: dataset, bytes: bytes) else {
                throw ContribMonitor.Failure.failed("s3://\(reader.name)/\(key) is not a JSON object")
            }
            Runner.print(ContribMonitor.describe(status, cutoff: cutoff))
        }
    }
}

struct PollAnalysis: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "poll-analysis",
        abstract: "Download a job's logs/ every interval until it ends (update.txt or end.txt), then its process_results/.")
    @Option(name: [.short, .long], help: "Analysis folder or bucket name.") var stackname: String?
    @Option(name: [.short, .long], help: "The job folder key, <group>/results/job__….") var pathprefix: String
    @Option(name: [.customShort("l"), .long], help: "Local directory to download into.") var localpath: String
    @Option(name: [.short, .long], help: "Seconds between polls.") var interval: Double = 60
    @Option(name: [.short, .long], help: "Give up after this many seconds.") var timeout: Double = 900

    func validate() throws {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: localpath, isDirectory: &isDir), isDir.boolValue else {
            throw ValidationError("Invalid value for '-l' / '--localpath': Directory '\(localpath)' does not exist.")
        }
        if interval <= 0 || timeout <= 0 { throw ValidationError("--interval and --timeout must be positive") }
    }

    func run() async throws {
        var finished = false
        try await MonitorGroup.run(stackname: stackname) { reader in
            let (outcome, _) = try await JobFollower.follow(reader, job: pathprefix, interval: interval, timeout: timeout) { _ in
                _ = try await ContribMonitor.download(reader, prefix: pathprefix, folder: "logs", to: localpath)
            }
            if case .ended = outcome {
                _ = try await ContribMonitor.download(reader, prefix: pathprefix, folder: "process_results", to: localpath)
                finished = true
            }
        }
        Runner.print(finished ? "Finished polling." : "Polling timeout.")
        if !finished { throw ExitCode(1) }
    }
}

struct VisualizeParallelism: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "visualize-parallelism",
        abstract: "Write per-group parallelism logs (JSON) and a chart (SVG) of instances running over time.")
    @Option(name: [.short, .long], help: "Directory to write into.") var path: String
    @Option(name: [.customShort("n"), .long], help: "The bucket (default: the current analysis's PipelineName).") var stackname: String?

    func validate() throws {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue,
              FileManager.default.isWritableFile(atPath: path) else {
            throw ValidationError("Invalid value for '-p' / '--path': Directory '\(path)' does not exist or is not writable.")
        }
    }

    func run() async throws {
        try await MonitorGroup.run(stackname: stackname) { reader in
            let records = try await reader.bucket.records()
            let stamp = RecordTime.format(Date()).replacingOccurrences(of: ":", with: "-")
            for group in Set(records.map(\.group)).sorted() {
                let file = (path as NSString).appendingPathComponent("\(reader.name)_\(group)_\(stamp)_parallel_logs.json")
                try AtomicFile.write(ContribMonitor.parallelLogs(records, group: group), to: file)
                Runner.print(file)
            }
            let svg = (path as NSString).appendingPathComponent("\(reader.name)_\(stamp)_parallelism.svg")
            try AtomicFile.write(ParallelismChart.svg(Parallelism(records: records), title: "\(reader.name): instances running per group"), to: svg)
            Runner.print(svg)
        }
    }
}
