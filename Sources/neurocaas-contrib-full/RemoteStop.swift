import ArgumentParser
import DevInstances

struct RemoteStop: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stop-devinstance", abstract: "Stop the selected instance.")
    @OptionGroup var remote: RemoteOptions

    func run() async throws {
        try await RemoteRun.session(remote) { s in Runner.print("Instance is now in state: \(try await s.stop().state)") }
    }
}
