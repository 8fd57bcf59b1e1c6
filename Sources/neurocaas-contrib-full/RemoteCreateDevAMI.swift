import ArgumentParser
import DevInstances

struct RemoteCreateDevAMI: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create-devami", abstract: "Save the selected instance as an AMI (it reboots) and wait until it is available.")
    @OptionGroup var remote: RemoteOptions
    @Option(name: [.short, .long], help: "Image name (unique per account and region; default <PipelineName>-<UTC time>).") var name: String?

    func run() async throws {
        try await RemoteRun.session(remote) { s in
            let o = try await s.createAMI(name: name)
            Runner.print("\(o.imageID) (\(o.name)) is available")
        }
    }
}
