import ArgumentParser
import DevInstances

struct DevStartCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "start", abstract: "Start the selected instance (its lifetime restarts at --timeout).", aliases: ["start-devinstance"])
    @OptionGroup var global: DevGlobalOptions
    @Option(name: [.short, .long], help: "Minutes of lifetime from now.") var timeout = 60
    @Flag(help: "Return without waiting for it to run.") var noWait = false

    func run() async throws {
        try await DevRun.session(global) { s in
            let i = try await s.start(timeoutMinutes: timeout, noWait: noWait)
            DevRun.out("Instance is now in state: \(i.state)" + (i.publicIP.map { "\ninstance running at \($0)" } ?? ""))
        }
    }
}
