import ArgumentParser
import BPCtlCommands
import DevInstances

struct DevListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ls", abstract: "List the analysis's dev instances (* = selected); --all: every dev instance in the account.",
        aliases: ["list", "list-instances"])

    @OptionGroup var global: DevGlobalOptions
    @Flag(help: "Every dev instance in the account and region, with owner and cost so far (no blueprint needed).") var all = false

    func run() async throws {
        if all {
            try await DevRun.guarded {
                let c = try DevEntry.client(profile: global.profile, region: global.region, fallbackRegion: nil)
                FileHandleOutput.stdout(DevRender.fleet(try await DevFleet(client: c).all()))
            }
            return
        }
        try await DevRun.session(global) { s in
            let rows = s.rows()
            if rows.isEmpty { FileHandleOutput.stderr("no dev instances for this analysis: launch one with `bpctl dev launch`\n") }
            else { FileHandleOutput.stdout(DevRender.pool(rows)) }
        }
    }
}
