import ArgumentParser
import Foundation
import WorkflowKit

/// Echo the analysis output to the console as it runs (its stdout is the job log, not a value).
private let echo: @Sendable (Data) -> Void = { FileHandle.standardOutput.write($0) }

/// Keeps the historical name (newer click renamed it `log` by accident); run_main_cli.sh calls it.
struct LogCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log-command",
        abstract: "Run the analysis script, publishing its log and status under the job's S3 logs/ folder; exits with the script's status.")
    @Option(name: [.short, .long], help: "The input bucket.") var bucket: String
    @Option(name: [.short, .long], help: "The analysis script (a path, or a command line).") var command: String
    @Option(name: [.short, .long], help: "The job's result folder (results/job__…), or an s3:// folder.") var resultfolder: String

    func run() async throws {
        var code: Int32 = 0
        try await Runner.run {
            code = try await Runner.workflow().logCommand(bucket: bucket, command: command, resultFolder: resultfolder,
                                                         interval: Runner.logInterval, echo: echo, notice: Runner.notice)
        }
        if code != 0 { throw ExitCode(code) }
    }
}

struct LogCommandLocal: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log-command-local",
        abstract: "Run the analysis script with its log and status in <result path>/logs/; exits with the script's status.")
    @Option(name: [.short, .long], help: "The analysis script (a path, or a command line).") var command: String

    func run() async throws {
        var code: Int32 = 0
        try await Runner.run { code = try await Runner.workflow().logCommandLocal(command: command, interval: Runner.logInterval, echo: echo,
                                                              notice: Runner.notice) }
        if code != 0 { throw ExitCode(code) }
    }
}

struct Cleanup: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cleanup",
        abstract: "Publish the config used, the log and the update.txt completion marker to the result path.")

    func run() async throws {
        try await Runner.run {
            for target in try await Runner.workflow().cleanup() { Runner.notice("uploaded \(target)") }
        }
    }
}
