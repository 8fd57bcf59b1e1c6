import ArgumentParser
import DevInstances

struct RemoteGetLifetime: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "get-lifetime", abstract: "Time on and time left.", aliases: ["get-timeout"])
    @OptionGroup var remote: RemoteOptions

    func run() async throws {
        try await RemoteRun.session(remote) { s in Runner.print(try s.selectedLifetime().sentence) }
    }
}
