import ArgumentParser
import DevInstances

struct RemoteStart: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "start-devinstance", abstract: "Start the selected instance (lifetime restarts).")
    @OptionGroup var remote: RemoteOptions
    @Option(name: [.short, .long], help: "Minutes of lifetime from now.") var timeout = 60

    func run() async throws {
        try await RemoteRun.session(remote) { s in
            let i = try await s.start(timeoutMinutes: timeout)
            Runner.print("Instance is now in state: \(i.state)" + (i.publicIP.map { "\ninstance running at \($0)" } ?? ""))
        }
    }
}
