import ArgumentParser
import BlueprintKit
import Foundation

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, sarif, github
}

extension FailThreshold: ExpressibleByArgument {}

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
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

    func validate() throws {
        _ = try resolvedIgnores()
        if noRules && noSchema { throw ValidationError("--no-rules and --no-schema together leave nothing to check") }
        if schema != nil && noSchema { throw ValidationError("--schema and --no-schema contradict each other") }
        // A path flag that names nothing usable is the caller's mistake (exit 2 naming the flag),
        // never a finding about the blueprint.
        if let protocols {
            try PathCheck.require(protocols, flag: "--protocols", is: .directory)
            let modules = (try? FileManager.default.contentsOfDirectory(atPath: protocols))?.filter { $0.hasSuffix(".py") } ?? []
            if modules.isEmpty {
                throw ValidationError("--protocols \(String(reflecting: protocols)): no Python modules (*.py) in it; pass the neurocaas repo's ncap_iac/protocols")
            }
        }
        if let schema { try PathCheck.require(schema, flag: "--schema", is: .file) }
        if paths.filter({ $0 == "-" }).count > 1 { throw ValidationError("- (standard input) can be given once") }
        for path in paths where path != "-" { try PathCheck.require(path, flag: "PATH", is: .any) }
    }

    func run() throws {
        var choice: SchemaChoice = noSchema ? .none : .bundled
        if let schema {
            switch SchemaLoader.load(path: schema) {
            case .success(let s): choice = .custom(s)
            case .failure(let problems):
                render(ValidationReport(files: [problems.file]))
                throw ExitCode(ExitStatus.usage)
            }
        }
        var inputs: [Validator.Input] = []
        var seen = Set<String>()
        for path in paths.isEmpty ? ["."] : paths {
            if path == "-" {
                inputs.append(.bytes(path: "<stdin>", Array(FileHandle.standardInput.readDataToEndOfFile())))
                continue
            }
            do {
                let found = try noRules ? FileDiscovery.instances(in: [path]) : FileDiscovery.blueprints(in: [path])
                for file in found where seen.insert((file as NSString).standardizingPath).inserted { inputs.append(.file(file)) }
            } catch {
                throw ValidationError(error.message)
            }
        }
        let options = ValidationOptions(protocolsDirectory: protocols, ignoredRules: try resolvedIgnores(),
                                        fleetChecks: !noFleet, configFiles: !noConfig && !noRules,
                                        schema: choice, rules: !noRules, formatAssertion: formatAssert)
        let report = Validator.validate(inputs, options: options)
        render(report)
        let code = report.exitCode(failOn: failOn)
        if code != 0 { throw ExitCode(code) }
    }

    private func render(_ report: ValidationReport) {
        switch format {
        case .text: FileHandleOutput.stdout(TextRenderer(color: Terminal.color(color)).render(report))
        case .json: FileHandleOutput.stdout(JSONRenderer.render(report))
        case .sarif: FileHandleOutput.stdout(SARIFRenderer.render(report, toolVersion: BPCtlVersion.current))
        case .github: FileHandleOutput.stdout(GitHubRenderer.render(report))
        }
    }

    private func resolvedIgnores() throws -> Set<String> {
        var ids = Set<String>()
        for item in ignore.flatMap({ $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }) where !item.isEmpty {
            guard let id = RuleCatalog.resolve(item) else {
                throw ValidationError("--ignore \(item): no such rule\(Suggest.phrase(for: item, in: RuleCatalog.allNames)) (see 'bpctl rules')")
            }
            ids.insert(id)
        }
        return ids
    }
}

import Foundation
