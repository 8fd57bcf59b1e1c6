import ArgumentParser
import BlueprintKit

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List the rule catalog (id, severity, name, summary).")

    @Flag(help: "Print docs/rules.md.")
    var markdown = false

    @Flag(help: "Print the catalog as JSON.")
    var json = false

    func run() throws {
        if markdown {
            FileHandleOutput.stdout(RulesDocRenderer.markdown())
        } else if json {
            FileHandleOutput.stdout(RulesDocRenderer.json())
        } else {
            FileHandleOutput.stdout(RulesDocRenderer.table())
        }
    }
}
