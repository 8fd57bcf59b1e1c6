import ArgumentParser
import DevInstances

struct DevSaveAMICommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "save-ami", abstract: "Save the selected instance as an AMI (it reboots) and wait until it is available.",
        aliases: ["create-devami"])
    @OptionGroup var global: DevGlobalOptions
    @Option(name: [.short, .long], help: "Image name (unique per account and region; default <PipelineName>-<UTC time>).") var name: String?

    func run() async throws {
        try await DevRun.session(global) { s in
            let o = try await s.createAMI(name: name)
            DevRun.out("\(o.imageID) (\(o.name)) is available")
        }
    }
}
