import ArgumentParser
import DevInstances

struct DevAssignCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assign", abstract: "Add an existing instance to the analysis's pool and select it.", aliases: ["assign-instance"])

    @OptionGroup var global: DevGlobalOptions
    @Option(name: [.short, .long], help: "Instance id.") var instance: String
    @Option(name: [.short, .long], help: "Name.") var name: String?
    @Option(name: [.short, .long], help: "Description.") var description: String?

    func run() async throws {
        try await DevRun.session(global) { s in
            let i = try await s.assign(id: instance, name: name, description: description)
            DevRun.out("assigned \(i.id) (\(i.state))")
        }
    }
}
