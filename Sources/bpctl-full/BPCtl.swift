import ArgumentParser
import BPCtlCommands
import SchemaICU

/// The bpctl command tree. Each subcommand lives in its own file and only parses, calls
/// BlueprintKit and renders. Installed as `bpctl-full` beside the front `bpctl`, which answers
/// `--version`, validate, rules, schema and whoami itself and runs this binary for the rest.
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

/// Entry point: the same as the front's (BPCtlEntry), with the whole tree.
@main
enum Main {
    static func main() async {
        // Patterns ECMARegex refuses (lookaround, backreferences, \b, \p{…}) run on ICU, which
        // only this binary links; the front hands such runs here.
        SchemaICU.install()
        await BPCtlEntry.main(BPCtl.self)
    }
}
