import ArgumentParser
import BlueprintKit
import SchemaICU
#if canImport(Glibc)
import Glibc
#endif

/// The bpctl command tree. Each subcommand lives in its own file and only parses, calls
/// BlueprintKit and renders.
struct BPCtl: ParsableCommand {
    /// The subcommands; the overview below is written from their own configurations, so `--help`
    /// only ever names commands that exist.
    static let commands: [ParsableCommand.Type] = [ValidateCommand.self, RulesCommand.self, SchemaCommand.self, WhoAmICommand.self,
                                                    PlanCommand.self, ShowCommand.self, DiffCommand.self, ApplyCommand.self, FmtCommand.self,
                                                    AMICommand.self, ForceUnlockCommand.self, DevCommand.self, CheckJobCommand.self, InitCommand.self, MonitorCommand.self,
                                                    AuditCommand.self]

    static let configuration = CommandConfiguration(
        commandName: "bpctl",
        abstract: "NeuroCAAS analysis blueprints: " + commands.map { $0._commandName }.joined(separator: ", ") + ".",
        discussion: """
        Exit codes: 0 success; 1 findings at or above --fail-on (or an AWS call that failed); 2 \
        usage error, an input that could not be read or parsed, or a configuration problem (a \
        path flag naming nothing usable, a broken .bpctl.yaml, an unknown AWS profile or region).
        """,
        version: BPCtlVersion.current,
        subcommands: commands
    )
}

/// Entry point: like ParsableCommand.main(), but usage errors exit 2 (the documented code)
/// instead of argument-parser's 64, a mistyped subcommand gets "did you mean", and a usage
/// error found while running shows the subcommand's usage, not the root's.
@main
enum Main {
    static func main() async {
        // `--version` alone skips ArgumentParser's reflection (most of its start-up cost), and
        // reads argv directly: building CommandLine.arguments is itself a tenth of the rest.
        if CommandLine.argc == 2, let first = CommandLine.unsafeArgv[1], strcmp(first, "--version") == 0 {
            return print(BPCtlVersion.current)
        }
        SchemaICU.install() // the ICU engine for schema patterns ECMARegex refuses (PatternEngine)
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let validate = ValidateFastPath.command(arguments) {
            // Synchronous, and its type is known: no dynamic cast (a conformance scan) either.
            do { try validate.run() } catch { fail(error, in: ValidateCommand.self) }
            return
        }
        let command: ParsableCommand
        do {
            command = try BPCtl.parseAsRoot(arguments)
        } catch {
            if let unknown = unknownSubcommand(arguments) {
                let names = BPCtl.commands.map { $0._commandName } + ["help"]
                FileHandleOutput.stderr("Error: unknown command '\(unknown)'\(Suggest.phrase(for: unknown, in: names))\n"
                                        + "Usage: bpctl <subcommand>; see 'bpctl --help' for the list.\n")
                exit(ExitStatus.usage)
            }
            fail(error, in: nil)
        }
        do {
            var command = command
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            fail(error, in: type(of: command))
        }
    }

    private static func fail(_ error: Error, in subcommand: ParsableCommand.Type?) -> Never {
        guard BPCtl.exitCode(for: error) == .validationFailure else { BPCtl.exit(withError: error) }
        var message = BPCtl.fullMessage(for: error)
        if let subcommand, subcommand != BPCtl.self {
            // Thrown by run(): argument-parser would show the root's usage.
            message = "Error: " + BPCtl.message(for: error) + "\n" + BPCtl.usageString(for: subcommand)
                + "\n  See 'bpctl \(subcommand._commandName) --help' for more information."
        }
        FileHandleOutput.stderr(message.hasSuffix("\n") ? message : message + "\n")
        exit(ExitStatus.usage)
    }

    /// The first argument when it is not an option and names no subcommand.
    private static func unknownSubcommand(_ arguments: [String]) -> String? {
        guard let first = arguments.first, !first.hasPrefix("-") else { return nil }
        let names = BPCtl.commands.map { $0._commandName } + ["help"]
        return names.contains(first) ? nil : first
    }
}

enum BPCtlVersion {
    static let current = "0.1.0"
}
