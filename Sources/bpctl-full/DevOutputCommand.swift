import ArgumentParser
import BPCtlCommands
import DevInstances

struct DevOutputCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "output", abstract: "Output of a submitted job (SSM).", aliases: ["job-output"])
    @OptionGroup var global: DevGlobalOptions
    @Option(name: [.short, .long], help: "Job index (-1 = latest).") var jobind = -1

    func run() async throws {
        try await DevRun.session(global) { s in
            let (inv, out, err) = try await s.output(try s.job(jobind))
            FileHandleOutput.stdout(out)
            FileHandleOutput.stderr(err)
            if out.isEmpty && err.isEmpty && ["Pending", "InProgress", "Delayed"].contains(inv.status) {
                FileHandleOutput.stderr("no output yet: SSM sends it when the command ends (status \(inv.status))\n")
            }
        }
    }
}
