import ArgumentParser
import DevInstances

struct RemoteSubmitJob: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "submit-job", abstract: "Run COMMAND for a submit.json on the selected instance.")
    @OptionGroup var remote: RemoteOptions
    @Option(name: [.short, .long], help: "submit.json with dataname, configname, timestamp.") var submitpath: String
    @Option(name: [.short, .long], help: .hidden) var data: [String] = []
    @Option(name: [.short, .long], help: .hidden) var config: [String] = []

    func run() async throws {
        try await RemoteRun.session(remote) { s in
            let sent = try await s.submit(try SubmitFile.load(submitpath))
            Runner.notice("sending command: \(sent.command) to instance \(sent.job.instance)")
            Runner.print(sent.job.commandID)
        }
    }
}

struct RemoteJobStatus: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "job-status", abstract: "Status of a submitted job.")
    @OptionGroup var remote: RemoteOptions
    @Option(name: [.short, .long], help: "Job index (-1 = latest).") var jobind = -1

    func run() async throws {
        try await RemoteRun.session(remote) { s in Runner.print(try await s.invocation(try s.job(jobind)).status) }
    }
}

struct RemoteJobOutput: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "job-output", abstract: "stdout and stderr of a submitted job.")
    @OptionGroup var remote: RemoteOptions
    @Option(name: [.short, .long], help: "Job index (-1 = latest).") var jobind = -1

    func run() async throws {
        try await RemoteRun.session(remote) { s in
            let (inv, out, err) = try await s.output(try s.job(jobind))
            if !out.isEmpty { Runner.print(out) }
            if !err.isEmpty { Runner.notice(err) }
            if out.isEmpty && err.isEmpty { Runner.notice("no output yet (status \(inv.status)): SSM sends it when the command ends") }
        }
    }
}
