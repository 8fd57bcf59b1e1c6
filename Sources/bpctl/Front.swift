import ArgumentParser
import BPCtlCommands
import PlatformSupport
#if canImport(Glibc)
import Glibc
#endif

/// `bpctl`, the front: CI runs `validate` (and editors `schema`, `rules`) as a fresh process each
/// time, so this binary answers `--version`, validate, rules, schema and whoami itself and runs
/// `bpctl-full` (installed next to it) for every other command, `--help`, `help` and unknown
/// words, as `neurocaas-contrib` does. It links only BPCtlCommands and what that needs, none of
/// which may reference swift-corelibs-foundation: Foundation and ICU, which the other commands
/// need, cost ~1 ms of dynamic relocation at each start (docs/performance.md, "Fourth pass").
@main
enum Front {
    static func main() async {
        guard answersItself() else { Companion.exec("bpctl-full", front: "bpctl", arguments: CommandLine.arguments) }
        await BPCtlEntry.main(FrontRoot.self)
    }

    /// `--version` alone, or a first argument naming one of FrontRoot's commands, and nothing that
    /// asks for the whole tree (a completion script or the help dump, which list every command).
    static func answersItself() -> Bool {
        let argv = CommandLine.unsafeArgv
        guard CommandLine.argc >= 2, let first = argv[1] else { return false }
        if CommandLine.argc == 2, strcmp(first, "--version") == 0 { return true }
        guard FrontRoot.names.contains(where: { strcmp(first, $0) == 0 }) else { return false }
        for i in 2..<Int(CommandLine.argc) {
            guard let a = argv[i] else { continue }
            if strncmp(a, "--generate-completion-script", 28) == 0 || strcmp(a, "--experimental-dump-help") == 0 { return false }
        }
        return true
    }
}

/// The front's command tree: the same name, version and subcommand types as bpctl-full's
/// `BPCtl`, so help, usage lines and errors of these commands are the same bytes.
struct FrontRoot: ParsableCommand {
    static let names = ["validate", "rules", "schema", "whoami"]

    static let configuration = CommandConfiguration(
        commandName: "bpctl",
        version: BPCtlVersion.current,
        subcommands: [ValidateCommand.self, RulesCommand.self, SchemaCommand.self, WhoAmICommand.self]
    )
}
