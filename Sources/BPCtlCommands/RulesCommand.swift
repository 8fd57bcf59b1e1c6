import ArgumentParser
import BlueprintKit

public struct RulesCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List the rule catalog, or explain one rule (bpctl rules BP131).")

    @Argument(help: ArgumentHelp("A rule id or name to explain: severity, rationale, examples and how to suppress it.", valueName: "rule"),
              completion: .list(RuleCatalog.allNames))
    var rule: String?

    @Flag(help: "Print docs/rules.md.")
    var markdown = false

    @Flag(help: "Print the catalog as JSON.")
    var json = false

    public init() {}

    public func validate() throws {
        if markdown && json { throw ValidationError("--markdown and --json are different outputs; give one") }
        if let rule, RuleCatalog.resolve(rule) == nil {
            throw ValidationError("\(String(reflecting: rule)): no such rule\(Suggest.phrase(for: rule, in: RuleCatalog.allNames)) (see 'bpctl rules')")
        }
    }

    public func run() throws {
        if let rule, let id = RuleCatalog.resolve(rule), let description = RuleCatalog.description(id: id) {
            if json {
                FileHandleOutput.stdout(RulesDocRenderer.json([description]))
            } else if markdown {
                FileHandleOutput.stdout(RulesDocRenderer.section(description))
            } else {
                FileHandleOutput.stdout(RulesDocRenderer.explain(description))
            }
        } else if markdown {
            FileHandleOutput.stdout(RulesDocRenderer.markdown())
        } else if json {
            FileHandleOutput.stdout(RulesDocRenderer.json())
        } else {
            FileHandleOutput.stdout(RulesDocRenderer.table())
        }
    }
}
