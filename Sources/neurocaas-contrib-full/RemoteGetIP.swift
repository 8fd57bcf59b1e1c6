import ArgumentParser
import DevInstances

struct RemoteGetIP: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "get-ip", abstract: "Public IP of the selected instance.")
    @OptionGroup var remote: RemoteOptions

    func run() async throws {
        try await RemoteRun.session(remote) { s in
            Runner.print(try s.selectedIP())
        }
    }
}
