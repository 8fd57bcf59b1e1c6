import ArgumentParser
import WorkflowKit

struct RegisterDataset: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "register-dataset", abstract: "Register the dataset (S3 or local).")
    @OptionGroup var location: LocationOptions
    func run() async throws { try await register(.data, location) }
}

struct RegisterConfig: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "register-config", abstract: "Register the config file (S3 or local).")
    @OptionGroup var location: LocationOptions
    func run() async throws { try await register(.config, location) }
}

struct RegisterFile: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "register-file", abstract: "Register an additional named file.")
    @Option(name: [.short, .long], help: "Name to refer to the file by.") var name: String
    @OptionGroup var location: LocationOptions
    func run() async throws { try await register(.file(name), location) }
}

struct RegisterResultpath: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "register-resultpath",
        abstract: "Register where results go (-k is placed under the dataset's group; an s3:// key is used as is).")
    @OptionGroup var location: LocationOptions
    func run() async throws { try await register(.result, location) }
}

private func register(_ kind: Workflow.Kind, _ l: LocationOptions) async throws {
    try await Runner.run { try Runner.workflow().register(kind, bucket: l.bucket, key: l.key, localPath: l.localpath) }
}
