import ArgumentParser
import Foundation
import WorkflowKit

struct ScriptingGroup: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "scripting", abstract: "Helpers for analysis scripts.",
                                                    subcommands: [ReadYAMLCommand.self, ParseZipCommand.self])
}

struct ReadYAMLCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "read-yaml", abstract: "Print a top-level field of a YAML file.")
    @Option(name: [.short, .long], help: "The YAML file.", completion: .file(extensions: ["yaml", "yml"])) var path: String
    @Option(name: [.short, .long], help: "The field.") var field: String
    @Option(name: [.short, .long], help: "Printed when the field is missing.") var `default`: String?

    func validate() throws { try Self.validate(path: path) }

    func run() async throws { try Self.run(path: path, field: field, default: `default`) }

    /// As click's `Path(exists=True)`: a path that does not exist is a usage error (exit 2).
    static func validate(path: String) throws {
        guard FileManager.default.fileExists(atPath: path) else { throw ValidationError("Path \(String(reflecting: path)) does not exist.") }
    }

    static func run(path: String, field: String, default fallback: String?) throws {
        try Runner.runNow { Runner.print(try ReadYAML.value(path: path, field: field, default: fallback)) }
    }
}

struct ParseZipCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "parse-zip",
                                                    abstract: "Extract a dataset zip with exactly one top-level entry and print that entry's name.")
    @Option(name: [.short, .long], help: "The zip file.", completion: .file(extensions: ["zip"])) var zippath: String
    @Option(name: [.short, .long], help: "Where to extract (default: the zip's folder).", completion: .directory) var outpath: String?
    @Option(help: "Refuse a zip that extracts to more bytes than this.") var maxBytes = ZipArchive.Limits().maxBytes
    @Option(help: "Refuse a zip whose extracted size is more than this many times its own.") var maxRatio = ZipArchive.Limits().maxRatio

    func validate() throws {
        if let problem = ZipArchive.inputProblem(zip: zippath, outDir: outpath) { throw ValidationError(problem) }
    }

    func run() async throws {
        let limits = ZipArchive.Limits(maxBytes: maxBytes, maxRatio: maxRatio)
        try await Runner.run { Runner.print(try ZipArchive.extractSingleTopLevel(zippath, into: outpath, limits: limits)) }
    }
}
