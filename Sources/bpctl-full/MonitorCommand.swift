import ArgumentParser
import AnalysisKit
import AWSClient
import BPCtlCommands
import BlueprintKit
import Foundation

struct MonitorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "monitor",
        abstract: "Watch a deployed analysis: its groups, jobs, one job, parallelism and spend.",
        discussion: """
        Reads the analysis bucket (PipelineName of --blueprint, or --bucket): instance records \
        logs/<group>/i-*.json, job folders <group>/results/job__*/ with certificate.txt, \
        DATASET_NAME:<name>_STATUS.txt and the end markers process_results/update.txt or end.txt.

        Exit codes: 0 success; 1 AWS refused or could not be reached, a followed job timed out or \
        failed, or a budget is exhausted (spend); 2 usage error or an unreadable blueprint.
        """,
        subcommands: [MonitorUsers.self, MonitorJobs.self, MonitorJob.self, MonitorParallelism.self, MonitorSpend.self])
}

/// What every monitor subcommand needs: the bucket (from the blueprint) and AWS settings.
struct MonitorOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The analysis blueprint (its PipelineName is the bucket).", valueName: "file"))
    var blueprint = "stack_config_template.json"

    @Option(help: "The analysis bucket, instead of the blueprint's PipelineName.")
    var bucket: String?

    @OptionGroup var aws: AWSOptions

    /// The blueprint when it can be read; required unless --bucket is given.
    func loadBlueprint() throws -> Blueprint? {
        switch Document.load(path: blueprint) {
        case .success(let doc): return Blueprint(document: doc)
        case .failure(let e):
            if bucket != nil && !FileManager.default.fileExists(atPath: blueprint) { return nil }
            let at = e.source.location(of: e.error.offset)
            throw ValidationError("\(blueprint):\(at.line):\(at.column): \(e.error.message)" + (bucket == nil ? " (pass --blueprint FILE or --bucket NAME)" : ""))
        }
    }

    /// Run `body` with a reader for the bucket and the blueprint (if any).
    func run(_ body: (MonitorReader, Blueprint?, AWSClient) async throws -> Void) async throws {
        let bp = try loadBlueprint()
        guard let name = bucket ?? bp?.pipelineNameValue, !name.isEmpty else {
            throw ValidationError("\(blueprint) has no PipelineName; pass --bucket NAME")
        }
        try await AWSCommand.run(profile: aws.profile, region: aws.region, fallbackRegion: bp?.regionValue) { client in
            try await body(MonitorReader(s3: S3(client), bucket: name), bp, client)
        }
    }
}

struct MonitorUsers: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "users", abstract: "Groups seen in the logs and the blueprint, with their users and usage.")
    @OptionGroup var options: MonitorOptions

    func run() async throws {
        try await options.run { reader, bp, _ in
            let affiliates = bp?.affiliateUsers ?? [:]
            let groups = try await reader.groups(known: Array(affiliates.keys))
            FileHandleOutput.stdout(MonitorText.users(groups: groups, records: try await reader.bucket.records(), affiliates: affiliates))
        }
    }
}

struct MonitorJobs: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "jobs", abstract: "Every job: datasets, status, duration, cost.")
    @OptionGroup var options: MonitorOptions
    @Option(help: "Only this group's jobs.") var group: String?

    func run() async throws {
        try await options.run { reader, bp, _ in
            var groups = [String]()
            if let group { groups = [group] } else { groups = try await reader.groups(known: Array((bp?.affiliateUsers ?? [:]).keys)) }
            FileHandleOutput.stdout(MonitorText.jobs(try await reader.jobs(groups: groups)))
        }
    }
}

struct MonitorJob: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "job", abstract: "One job's status and log tail; --follow polls until it ends (update.txt or end.txt).")
    @OptionGroup var options: MonitorOptions
    @Argument(help: "The job folder key, <group>/results/job__<bucket>_<timestamp>.") var jobPath: String
    @Flag(help: "Poll until the job ends.") var follow = false
    @Option(help: "Seconds between polls (--follow).") var interval: Double = 10
    @Option(help: "Give up after this many seconds (--follow).") var timeout: Double = 3600
    @Option(help: "Log and certificate lines to show.") var tail = 10

    func validate() throws {
        if jobPath.split(separator: "/").count < 3 { throw ValidationError("JOBPATH '\(jobPath)' is not <group>/results/<job folder>") }
        if interval <= 0 || timeout <= 0 || tail < 0 { throw ValidationError("--interval and --timeout must be positive, --tail not negative") }
    }

    func run() async throws {
        try await options.run { reader, _, _ in
            if !follow {
                let j = try await reader.job(jobPath)
                let certificate = try await reader.certificate(job: jobPath)
                if j.datasets.isEmpty && j.endMarker == nil && certificate == nil {
                    FileHandleOutput.stderr("bpctl: no job at s3://\(reader.name)/\(jobPath)/ (see 'bpctl monitor jobs')\n")
                    throw ExitCode(1)
                }
                FileHandleOutput.stdout(MonitorText.job(j, certificate: certificate, tail: tail))
                return
            }
            var last = ""
            let (outcome, final) = try await JobFollower.follow(reader, job: jobPath, interval: interval, timeout: timeout) { j in
                let line = "\(RecordTime.format(Date())) \(j.datasets.map { "\($0.dataset): \($0.status)" }.joined(separator: ", "))"
                let key = j.datasets.map { "\($0.dataset)=\($0.status)" }.joined(separator: ",")
                if key != last { FileHandleOutput.stdout(line.isEmpty ? "" : line + "\n"); last = key }
            }
            FileHandleOutput.stdout(MonitorText.job(final, certificate: try await reader.certificate(job: jobPath), tail: tail))
            switch outcome {
            case .ended(let marker):
                FileHandleOutput.stdout("job ended (\(marker))\n")
                if final.datasets.contains(where: { $0.status == "FAILED" }) { throw ExitCode(1) }
            case .timedOut:
                FileHandleOutput.stderr("bpctl: timed out after \(Int(timeout)) s: no process_results/update.txt or end.txt yet\n")
                throw ExitCode(1)
            }
        }
    }
}

struct MonitorParallelism: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "parallelism", abstract: "Instances running over time per group: a terminal chart, or an SVG or PNG file.")
    @OptionGroup var options: MonitorOptions
    @Option(help: ArgumentHelp("Write the chart to this .svg or .png file (the PNG has no text labels).", valueName: "file")) var out: String?

    func validate() throws {
        if let out, !out.lowercased().hasSuffix(".svg"), !out.lowercased().hasSuffix(".png") {
            throw ValidationError("--out \(out): write a .svg or a .png file")
        }
    }

    func run() async throws {
        try await options.run { reader, _, _ in
            let p = Parallelism(records: try await reader.bucket.records())
            FileHandleOutput.stdout(ParallelismChart.text(p))
            if let out {
                do {
                    if out.lowercased().hasSuffix(".png") {
                        try AtomicFile.write(ParallelismChart.png(p), to: out)
                    } else {
                        try AtomicFile.write(ParallelismChart.svg(p, title: "\(reader.name): instances running per group"), to: out)
                    }
                } catch {
                    FileHandleOutput.stderr("bpctl: cannot write \(out): \(error.localizedDescription)\n")
                    throw ExitCode(ExitStatus.usage)
                }
                FileHandleOutput.stdout("wrote \(out)\n")
            }
        }
    }
}

struct MonitorSpend: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "spend", abstract: "Spend per group against its budget (SSM /neurocaas/budgets/<group>/<PipelineName>, else MAXCOST).")
    @OptionGroup var options: MonitorOptions

    func run() async throws {
        try await options.run { reader, bp, client in
            let groups = try await reader.groups(known: Array((bp?.affiliateUsers ?? [:]).keys))
            let spends = try await reader.spend(ssm: SSM(client), groups: groups, maxCost: bp?.maxCostValue)
            FileHandleOutput.stdout(MonitorText.spend(spends))
            if spends.contains(where: \.exhausted) { throw ExitCode(1) }
        }
    }
}
