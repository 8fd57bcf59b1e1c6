import ArgumentParser
import BlueprintKit

public enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, sarif, github
}

extension FailThreshold: ExpressibleByArgument {}

public struct ValidateCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check blueprints against the NeuroCAAS rules.",
        discussion: """
        PATH is a blueprint file or a directory searched recursively for \
        stack_config_template.json/.yaml/.yml; no PATH means the current directory; - reads \
        one blueprint from standard input (JSON when it starts with { or [, else YAML). Blueprints \
        validated together are also checked as a fleet (unique PipelineName, IAM group limits).

        The bundled blueprint schema (bpctl schema) is applied first; a schema violation that a \
        rule already reports is shown once, as the rule. --schema FILE uses another JSON Schema \
        (draft 2020-12); with --no-rules, any JSON or YAML files are checked against it alone.

        Suppress findings with --ignore, with a .bpctl.yaml found above the blueprint \
        (ignore: [{rule, path, reason}]) or inline under Metadata.bpctl.ignore ([{rule, reason}]).

        Exit codes:
          0  no finding at or above --fail-on
          1  findings at or above --fail-on
          2  usage error (including a path flag that names nothing usable), a file that could \
        not be read or parsed, a broken --schema, or a .bpctl.yaml that cannot be read or has \
        the wrong shape (whatever --fail-on says)
        """)

    @Argument(help: "Blueprint files or directories, or - for standard input.", completion: .file())
    var paths: [String] = []

    @Option(help: "Output format: text, json, sarif or github.")
    var format: OutputFormat = .text

    @Option(help: "Lowest severity that makes the exit code 1: error, warning, info or never.")
    var failOn: FailThreshold = .error

    @Option(help: ArgumentHelp("Do not report this rule (id or name); repeatable, or comma-separated.", valueName: "rule"),
            completion: .list(RuleCatalog.allNames))
    var ignore: [String] = []

    @Option(help: ArgumentHelp("The protocols directory (neurocaas ncap_iac/protocols) to check CodeUri and Handler against.", valueName: "dir"),
            completion: .directory)
    var protocols: String?

    @Option(help: ArgumentHelp("Validate against this JSON Schema (draft 2020-12) instead of the bundled blueprint schema.", valueName: "file"),
            completion: .file(extensions: ["json", "yaml", "yml"]))
    var schema: String?

    @Option(help: "Colour in text output: auto (a terminal, unless NO_COLOR; FORCE_COLOR or CLICOLOR_FORCE force it), always or never.")
    var color: ColorChoice = .auto

    @Flag(help: "Do not run the NeuroCAAS rules (with --schema: generic JSON Schema validation of any JSON/YAML files).")
    var noRules = false

    @Flag(help: "Do not apply any JSON Schema, only the rules.")
    var noSchema = false

    @Flag(help: "Check 'format' values (email, date-time, ipv4, uri, uuid, …) instead of treating them as annotations.")
    var formatAssert = false

    @Flag(help: "Skip the checks across blueprints.")
    var noFleet = false

    @Flag(help: "Do not read .bpctl.yaml files.")
    var noConfig = false

    /// The options as a plain value: the run itself (ValidateRun) does not touch ArgumentParser's
    /// property wrappers, so the start-up fast path can build it directly.
    var options: ValidateRun {
        ValidateRun(paths: paths, format: format, failOn: failOn, ignore: ignore, protocols: protocols, schema: schema,
                    color: color, noRules: noRules, noSchema: noSchema, formatAssert: formatAssert, noFleet: noFleet,
                    noConfig: noConfig)
    }

    public init() {}

    public func validate() throws { try options.validate() }

    public func run() throws { try options.run() }
}
