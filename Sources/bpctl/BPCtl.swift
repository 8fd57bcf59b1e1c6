import ArgumentParser
import BlueprintKit
#if canImport(Glibc)
import Glibc
#endif

/// The bpctl command tree. Each subcommand lives in its own file and only parses, calls
/// BlueprintKit and renders.
struct BPCtl: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bpctl",
        abstract: "Validate, plan and apply NeuroCAAS analysis blueprints.",
        discussion: """
        Exit codes: 0 success; 1 findings at or above --fail-on; 2 usage error or an input that \
        could not be read or parsed.
        """,
        version: BPCtlVersion.current,
        subcommands: [ValidateCommand.self, RulesCommand.self, SchemaCommand.self, WhoAmICommand.self, AuditCommand.self]
    )
}

/// Entry point: like ParsableCommand.main(), but usage errors exit 2 (the documented code)
/// instead of argument-parser's 64.
@main
enum Main {
    static func main() async {
        do {
            var command = try BPCtl.parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = BPCtl.exitCode(for: error)
            if code == .validationFailure {
                let message = BPCtl.fullMessage(for: error)
                FileHandleOutput.stderr(message.hasSuffix("\n") ? message : message + "\n")
                exit(ExitStatus.usage)
            }
            BPCtl.exit(withError: error)
        }
    }
}

enum BPCtlVersion {
    static let current = "0.1.0"
}
