import ArgumentParser
import DevInstances

struct RemoteAssign: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "assign-instance", abstract: "Add an existing instance to the pool and select it.")
    @OptionGroup var remote: RemoteOptions
    @Option(name: [.short, .long], help: "Instance id.") var instance: String
    @Option(name: [.short, .long], help: "Name.") var name: String?
    @Option(name: [.short, .long], help: "Description.") var description: String?

    func run() async throws {
        try await RemoteRun.session(remote) { s in
            let i = try await s.assign(id: instance, name: name, description: description)
            Runner.print("assigned \(i.id) (\(i.state))")
        }
    }
}
