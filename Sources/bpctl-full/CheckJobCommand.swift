import ArgumentParser
import AnalysisKit
import AWSClient
import BPCtlCommands
import BlueprintKit

struct CheckJobCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-job",
        abstract: "Check a job request (submit.json and its config) against the analysis blueprint before submitting it.",
        discussion: """
        Checks what the NeuroCAAS job manager would reject after instances are already starting: \
        submit.json fields (dataname, configname, timestamp, the group prefix they imply), the \
        config's __duration__ and __dataset_size__, the job's cost against MAXCOST, COMMAND filled \
        with this job's values, and the analysis's config.schema.json (beside the blueprint) when present.

        CONFIG defaults to the file named by configname's last segment beside SUBMIT.
        --live also checks that the data and config exist in the bucket (PipelineName) and reads \
        the group's budget (SSM /neurocaas/budgets/<group>/<PipelineName>, else MAXCOST) against \
        its past spend (logs/<group>/i-*.json). Job checks have ids BP4nn (--list shows them).

        Exit codes:
          0  no finding at or above --fail-on
          1  findings at or above --fail-on, or AWS refused a --live lookup
          2  usage error, or a file that could not be read or parsed
        """)

    @Argument(help: "The job's submit.json.")
    var submit: String?

    @Argument(help: "The job's config (.yaml or .json).")
    var config: String?

    @Option(help: ArgumentHelp("The analysis blueprint.", valueName: "file"))
    var blueprint = "stack_config_template.json"

    @Option(help: ArgumentHelp("The analysis's config schema (default: config.schema.json beside the blueprint).", valueName: "file"))
    var schema: String?

    @Option(help: "The group submitting the job (default: the first segment of the dataset key).")
    var group: String?

    @Flag(help: "Also check the bucket and the budget on AWS.")
    var live = false

    @Option(help: "Output format: text, json, sarif or github.")
    var format: OutputFormat = .text

    @Option(help: "Lowest severity that makes the exit code 1: error, warning, info or never.")
    var failOn: FailThreshold = .error

    @Option(help: "Colour in text output: auto, always or never.")
    var color: ColorChoice = .auto

    @Option(help: "Named AWS profile (--live).")
    var profile: String?

    @Option(help: "AWS region (--live; default: the blueprint's REGION).")
    var region: String?

    @Flag(help: "List the job checks and exit.")
    var list = false

    func validate() throws {
        if !list && submit == nil { throw ValidationError("missing SUBMIT: the job's submit.json (see 'bpctl check-job --help')") }
    }

    func run() async throws {
        if list {
            FileHandleOutput.stdout(JobCatalog.descriptions.map { "\($0.id)  \($0.name)  \($0.severity.rawValue)  \($0.summary)" }.joined(separator: "\n") + "\n")
            return
        }
        let paths = JobChecker.Paths(blueprint: blueprint, submit: submit ?? "", config: config, schema: schema)
        var job: JobInput
        switch JobChecker.load(paths, group: group) {
        case .failure(let unloadable):
            ReportOutput.render(unloadable.report, format, color: color)
            throw ExitCode(ExitStatus.usage)
        case .success(let loaded): job = loaded
        }
        if let price = JobPricing.hourly(instanceType: job.instanceType, region: job.blueprint.regionValue) {
            job.hourlyPrice = price.usdPerHour
            job.priceSource = "on-demand Linux price as of \(price.asOf)"
        }
        if live {
            let input = job
            var probed = job
            try await AWSCommand.run(profile: profile, region: region, fallbackRegion: job.blueprint.regionValue) { client in
                probed = try await LiveJobProbe.gather(input, client: client)
            }
            job = probed
        }
        let report = JobChecker.check(job)
        ReportOutput.render(report, format, color: color)
        let code = report.exitCode(failOn: failOn)
        if code != 0 { throw ExitCode(code) }
    }
}
