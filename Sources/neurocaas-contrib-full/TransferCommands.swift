import ArgumentParser
import WorkflowKit

struct GetData: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "get-data", abstract: "Fetch the registered dataset (default into <job>/inputs).")
    @OptionGroup var options: FetchOptions
    func run() async throws { try await fetch(.data, options) }
}

struct GetConfig: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "get-config", abstract: "Fetch the registered config (default into <job>/configs).")
    @OptionGroup var options: FetchOptions
    func run() async throws { try await fetch(.config, options) }
}

struct GetFile: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "get-file", abstract: "Fetch a registered additional file.")
    @Option(name: [.short, .long], help: "The file's registered name.") var name: String
    @OptionGroup var options: FetchOptions
    func run() async throws { try await fetch(.file(name), options) }
}

private func fetch(_ kind: Workflow.Kind, _ o: FetchOptions) async throws {
    try await Runner.run {
        _ = try await Runner.workflow().fetch(kind, outputDirectory: o.outputpath, force: o.force, notice: Runner.notice)
    }
}

struct PutResult: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "put-result", abstract: "Publish a result file to <result path>/process_results/.")
    @Option(name: [.short, .long], help: "The local result file.") var resultpath: String
    @Flag(name: [.short, .long], help: "Accepted for compatibility (progress display).") var display = false
    func run() async throws {
        try await Runner.run {
            let target = try await Runner.workflow().putResult(resultpath)
            Runner.notice("uploaded \(resultpath) to \(target)")
        }
    }
}
