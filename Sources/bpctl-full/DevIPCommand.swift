import ArgumentParser
import DevInstances

struct DevIPCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ip", abstract: "Public IP of the selected instance.", aliases: ["get-ip"])
    @OptionGroup var global: DevGlobalOptions

    func run() async throws {
        try await DevRun.session(global) { s in
            DevRun.out(try s.selectedIP())
        }
    }
}
