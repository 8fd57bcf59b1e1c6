import ArgumentParser
import DevInstances

struct RemoteExtendLifetime: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "extend-lifetime", abstract: "Add minutes to the Timeout tag.", aliases: ["extend-timeout"])
    @OptionGroup var remote: RemoteOptions
    @Option(name: [.short, .long], help: "Minutes to add.") var minutes: Int

    func run() async throws {
        try await RemoteRun.session(remote) { s in Runner.notice("Timeout is now \(try await s.extendLifetime(minutes: minutes)) minutes") }
    }
}
