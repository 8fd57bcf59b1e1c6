import ArgumentParser
import DevInstances

struct DevLifetimeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lifetime", abstract: "Time on, and time left before the Timeout tag lets monitoring stop it.",
        aliases: ["get-lifetime", "get-timeout"])
    @OptionGroup var global: DevGlobalOptions

    func run() async throws {
        try await DevRun.session(global) { s in DevRun.out(try s.selectedLifetime().sentence) }
    }
}
