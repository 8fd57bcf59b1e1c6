import Applier
import ArgumentParser
import AWSClient
import BPCtlCommands
import BlueprintKit
import Foundation

/// `bpctl ami`: images made from dev instances, written into blueprints, listed and pruned.
struct AMICommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ami",
        abstract: "Create machine images from dev instances, record them in blueprints, list and prune them.",
        subcommands: [AMICreateCommand.self, AMIListCommand.self, AMIPruneCommand.self])
}

/// What the ami commands share: AWS set-up, and ApplyError/AWSError as one sentence and exit 1.
enum ApplierCommand {
    static func run(profile: String?, region: String?, blueprint: String?, _ body: (AWSClient) async throws -> Void) async throws {
        do {
            try await AWSCommand.run(profile: profile, region: region, fallbackRegion: blueprint.flatMap(BlueprintRegion.of)) { client in
                try await body(client)
            }
        } catch let error as ApplyError {
            FileHandleOutput.stderr("bpctl: \(error)\n")
            throw ExitCode(1)
        }
    }

    /// A readable blueprint or a usage error (exit 2) naming the problem with file:line:col.
    static func requireBlueprint(_ path: String) throws -> Document {
        do { return try ApplyInput.blueprint(path) } catch {
            FileHandleOutput.stderr("error: \(error)\n")
            throw ExitCode(ExitStatus.usage)
        }
    }

    /// Ask for the literal "yes" on stdin, as terraform apply does.
    static func confirm(_ question: String) -> Bool {
        FileHandleOutput.stderr("\(question)\n  Only 'yes' will be accepted to approve.\n\n  Enter a value: ")
        return readLine()?.trimmingCharacters(in: .whitespaces) == "yes"
    }
}
