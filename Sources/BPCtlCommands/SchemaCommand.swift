import ArgumentParser
import BlueprintKit

public struct SchemaCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the bundled blueprint JSON Schema (draft 2020-12), for editors and other validators.")

    public init() {}

    public func run() throws {
        FileHandleOutput.stdout(BlueprintSchema.text)
    }
}
