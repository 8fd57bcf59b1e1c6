import ArgumentParser
import DevInstances

struct RemoteJobStatus: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "job-status", abstract: "Status of a submitted job.")
    @OptionGroup var remote: RemoteOptions
    @Option(name: [.short, .long], help: "Job index (-1 = latest).") var jobind = -1

    func run() async throws {
        try await RemoteRun.session(remote) { s in Runner.print(try await s.invocation(try s.job(jobind)).status) }
    }
}
