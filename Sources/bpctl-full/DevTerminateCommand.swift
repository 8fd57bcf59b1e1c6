import ArgumentParser
import DevInstances

struct DevTerminateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "terminate", abstract: "Terminate the selected instance (refused until an AMI was saved from it, unless --force).",
        aliases: ["terminate-devinstance"])
    @OptionGroup var global: DevGlobalOptions
    @Flag(name: [.short, .long], help: "Terminate even though no AMI was saved from it.") var force = false

    func run() async throws {
        try await DevRun.session(global) { s in
            let m = try await s.terminate(force: force)
            DevRun.out("Instance \(m.id) is terminating. Safe to start new instance.")
        }
    }
}
