import ArgumentParser
import DevInstances

struct DevStopCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stop", abstract: "Stop the selected instance.", aliases: ["stop-devinstance"])
    @OptionGroup var global: DevGlobalOptions
    @Flag(help: "Return without waiting for it to stop.") var noWait = false

    func run() async throws {
        try await DevRun.session(global) { s in DevRun.out("Instance is now in state: \(try await s.stop(noWait: noWait).state)") }
    }
}
