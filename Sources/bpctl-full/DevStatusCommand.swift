import ArgumentParser
import BPCtlCommands
import DevInstances

struct DevStatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "status", abstract: "Status of a submitted job (SSM).", aliases: ["job-status"])
    @OptionGroup var global: DevGlobalOptions
    @Option(name: [.short, .long], help: "Job index (-1 = latest).") var jobind = -1

    func run() async throws {
        try await DevRun.session(global) { s in
            let job = try s.job(jobind)
            let inv = try await s.invocation(job)
            DevRun.out(inv.status)
            FileHandleOutput.stderr("command \(job.commandID) on \(job.instance)" + (inv.responseCode.map { ", exit code \($0)" } ?? "") + "\n")
        }
    }
}
