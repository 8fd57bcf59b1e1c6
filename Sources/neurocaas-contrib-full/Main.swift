import ArgumentParser
import Foundation
import SchemaICU

/// `neurocaas-contrib`: the `workflow` and `scripting` commands analysis scripts call on the
/// instance, with the historical names and state files. Values go to stdout, messages to stderr.
/// Installed as `neurocaas-contrib-full` beside the front `neurocaas-contrib`, which answers the
/// getters and read-yaml itself and runs this binary for everything else.
struct NeurocaasContrib: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "neurocaas-contrib",
        abstract: "NeuroCAAS workflow and scripting commands for analysis instances.",
        discussion: """
        Exit codes: 0 success; 1 a registration, file or S3 problem (the message says which and \
        how to fix it); 2 usage error.
        """,
        version: "0.1.0",
        subcommands: [WorkflowGroup.self, ScriptingGroup.self, RemoteGroup.self, InitAnalysis.self, DescribeAnalyses.self, GetBlueprint.self, MonitorGroup.self]
    )
}

@main
enum Main {
    static func main() async {
        SchemaICU.install() // the ICU engine for schema patterns ECMARegex refuses (PatternEngine)
        do {
            var command = try NeurocaasContrib.parseAsRoot(RootOptions.extract(Array(CommandLine.arguments.dropFirst())))
            if var asyncCommand = command as? AsyncParsableCommand { try await asyncCommand.run() } else { try command.run() }
        } catch {
            if NeurocaasContrib.exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((NeurocaasContrib.fullMessage(for: error) + "\n").utf8))
                exit(2)
            }
            NeurocaasContrib.exit(withError: error)
        }
    }
}
