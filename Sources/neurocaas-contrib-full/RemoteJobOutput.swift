import ArgumentParser
import DevInstances

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
