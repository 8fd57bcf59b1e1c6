import ArgumentParser
import BPCtlCommands
import DevInstances

struct DevExtendCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extend", abstract: "Add minutes to the selected instance's Timeout tag.", aliases: ["extend-lifetime", "extend-timeout"])
    @OptionGroup var global: DevGlobalOptions
    @Option(name: [.short, .long], help: "Minutes to add.") var minutes: Int

    func run() async throws {
        try await DevRun.session(global) { s in
            let t = try await s.extendLifetime(minutes: minutes)
            FileHandleOutput.stderr("Timeout is now \(t) minutes\n")
        }
    }
}
