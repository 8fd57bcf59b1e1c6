import ArgumentParser
import AnalysisKit
import BPCtlCommands
import BlueprintKit
import Foundation
#if canImport(Glibc)
import Glibc
#endif

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create an analysis folder: blueprint, run script, test_resources/, config schema.",
        discussion: """
        Writes <location>/NAME/ with stack_config_template.json (current protocol; 'bpctl validate' \
        passes it once the AMI is real), run.sh (an analysis script using the workflow commands), \
        test_resources/submit.json and config.yaml (for 'bpctl check-job'), and config.schema.json.

        Values not given as flags are asked for on a terminal; without one (or with --no-prompt) \
        the defaults are used: stage websubstack, instance type t2.micro, region us-east-1, group \
        'debuggers' with user 'developer', and the placeholder AMI "your ami here".
        --user A:u adds user u to affiliate A; a plain --user goes to the first --affiliate.

        Refuses when a blueprint already exists there (nothing is changed); existing run.sh or \
        test files are kept.

        Exit codes: 0 created; 1 a blueprint already exists, or the folder could not be written; \
        2 usage error (including values that make an invalid blueprint, shown as findings).
        """)

    @Argument(help: "The analysis name (folder name and default PipelineName).")
    var name: String

    @Option(help: ArgumentHelp("Parent directory (must exist).", valueName: "dir"))
    var location = "."

    @Option(help: "PipelineName, if it differs from NAME (the S3 bucket of the analysis).")
    var pipelineName: String?

    @Option(help: "STAGE: develop, webdev or websubstack.")
    var stage: String?

    @Option(help: "The AMI of the saved analysis image (ami-...).")
    var ami: String?

    @Option(help: "INSTANCE_TYPE jobs run on.")
    var instanceType: String?

    @Option(help: "REGION.")
    var region: String?

    @Option(help: ArgumentHelp("An affiliate (group) of users; repeatable.", valueName: "name"))
    var affiliate: [String] = []

    @Option(help: ArgumentHelp("A user of the first affiliate, or A:USER for affiliate A; repeatable.", valueName: "user"))
    var user: [String] = []

    @Flag(help: "Never ask; use the defaults for what is not given.")
    var noPrompt = false

    func run() throws {
        var options = ScaffoldOptions(name: name, pipelineName: pipelineName, stage: stage, ami: ami, instanceType: instanceType,
                                      region: region, affiliates: ScaffoldOptions.affiliates(names: affiliate, users: user))
        if !noPrompt && isatty(STDIN_FILENO) == 1 {
            options.prompt { question, fallback in
                FileHandleOutput.stdout("\(question) [\(fallback)]: ")
                return readLine()
            }
        }
        do {
            let outcome = try Scaffold.create(options, location: location)
            var out = "Created \(outcome.folder)/\n"
            for f in outcome.written { out += "  + \(f)\n" }
            for f in outcome.kept { out += "  = \(f) (exists, kept)\n" }
            if outcome.placeholderAMI {
                out += "The AMI is a placeholder (\"\(ScaffoldOptions.placeholderAMI)\"): 'bpctl validate' reports it (BP105) until you put the ami-... id of your saved image in Lambda.LambdaConfig.AMI.\n"
            }
            out += "Next: bpctl validate \(outcome.folder); bpctl check-job --blueprint \(outcome.folder)/\(Scaffold.blueprintName) \(outcome.folder)/test_resources/submit.json\n"
            FileHandleOutput.stdout(out)
        } catch {
            switch error {
            case .invalid(let report):
                FileHandleOutput.stdout(TextRenderer(color: Terminal.color(.auto)).render(report))
                FileHandleOutput.stderr("bpctl init: \(error.message)\n")
                throw ExitCode(ExitStatus.usage)
            case .notAFolder:
                throw ValidationError("--location \(location): \(error.message)")
            case .blueprintExists, .io:
                FileHandleOutput.stderr("bpctl init: \(error.message)\n")
                throw ExitCode(ExitStatus.findings)
            }
        }
    }
}
