import ArgumentParser
import BlueprintKit

struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the bundled blueprint JSON Schema (draft 2020-12), for editors and other validators.")

    func run() throws {
        FileHandleOutput.stdout(BlueprintSchema.text)
    }
}
