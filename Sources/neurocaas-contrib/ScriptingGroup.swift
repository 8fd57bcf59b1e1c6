import ArgumentParser
import WorkflowKit

struct ScriptingGroup: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "scripting", abstract: "Helpers for analysis scripts.",
                                                    subcommands: [ReadYAMLCommand.self])
}

struct ReadYAMLCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "read-yaml", abstract: "Print a top-level field of a YAML file.")
    @Option(name: [.short, .long], help: "The YAML file.") var path: String
    @Option(name: [.short, .long], help: "The field.") var field: String
    @Option(name: [.short, .long], help: "Printed when the field is missing.") var `default`: String?

    func run() async throws {
        try await Runner.run { Runner.print(try ReadYAML.value(path: path, field: field, default: `default`)) }
    }
}
