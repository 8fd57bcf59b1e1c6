import ArgumentParser
import BPCtlCommands
import DevInstances

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
