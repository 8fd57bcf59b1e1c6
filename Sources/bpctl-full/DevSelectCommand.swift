import ArgumentParser
import DevInstances

struct DevSelectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "select", abstract: "Select the instance later commands act on.", aliases: ["select-instance"])

    @OptionGroup var global: DevGlobalOptions
    @Option(name: [.short, .long], help: "Name of the instance.") var name: String?
    @Option(name: [.customShort("i"), .customLong("instance-id"), .customLong("instance_id")], help: "Id of the instance.") var instanceID: String?

    func run() async throws {
        try await DevRun.session(global) { s in
            let m = try s.select(name: name, id: instanceID)
            DevRun.out("selected \(m.id)" + (m.name.map { " (\($0))" } ?? ""))
        }
    }
}
