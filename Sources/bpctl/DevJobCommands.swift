import ArgumentParser
import DevInstances

struct DevSubmitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "submit", abstract: "Run the blueprint's COMMAND on the selected instance for a submit.json, as the job manager would.",
        aliases: ["submit-job"])
    @OptionGroup var global: DevGlobalOptions
    @Option(name: [.short, .long], help: "submit.json with dataname, configname, timestamp.") var submitpath: String

    func run() async throws {
        try await DevRun.session(global) { s in
            let file = try SubmitFile.load(submitpath)
            let sent = try await s.submit(file)
            FileHandleOutput.stderr("sending command: \(sent.command) to instance \(sent.job.instance)\n")
            DevRun.out(sent.job.commandID)
        }
    }
}

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

struct DevReapCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reap", abstract: "List running dev instances past their Timeout, across analyses; --yes stops them.")
    @Option(help: "Named AWS profile.") var profile: String?
    @Option(help: "AWS region.") var region: String?
    @Flag(help: "Stop them.") var yes = false

    func run() async throws {
        try await DevRun.guarded {
            let c = try DevEntry.client(profile: profile, region: region, fallbackRegion: nil)
            let overdue = try await DevFleet(client: c).reap(stop: yes)
            if overdue.isEmpty { FileHandleOutput.stderr("no dev instance is past its timeout\n"); return }
            FileHandleOutput.stdout(DevRender.fleet(overdue))
            FileHandleOutput.stderr(yes ? "stopped \(overdue.count) instance(s)\n" : "run again with --yes to stop them\n")
        }
    }
}
