import ArgumentParser
import DevInstances

struct RemoteSelect: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "select-instance", abstract: "Select an instance of the pool by name or id.")
    @OptionGroup var remote: RemoteOptions
    @Option(name: [.customShort("i"), .customLong("instance_id"), .customLong("instance-id")], help: "Instance id.") var instanceID: String?
    @Option(name: [.short, .long], help: "Name.") var name: String?

    func run() async throws {
        try await RemoteRun.session(remote) { s in
            let m = try s.select(name: name, id: instanceID)
            Runner.print("selected \(m.id)" + (m.name.map { " (\($0))" } ?? ""))
        }
    }
}
