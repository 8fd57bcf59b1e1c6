import ArgumentParser
import DevInstances

struct RemoteTerminate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "terminate-devinstance",
                                                    abstract: "Terminate the selected instance (refused until an AMI was saved, unless -f).")
    @OptionGroup var remote: RemoteOptions
    @Flag(name: [.short, .long], help: "Terminate without a saved AMI.") var force = false
    /// The Python tool's `--force True` / `-f False`: the value after the flag.
    @Argument(help: .hidden) var forceValue: String?

    func validate() throws {
        guard let v = forceValue else { return }
        guard force, ["true", "false"].contains(v.lowercased()) else { throw ValidationError("unexpected argument '\(v)'") }
    }

    func run() async throws {
        try await RemoteRun.session(remote) { s in
            let m = try await s.terminate(force: force && forceValue?.lowercased() != "false")
            Runner.print("Instance \(m.id) is terminating. Safe to start new instance.")
        }
    }
}
