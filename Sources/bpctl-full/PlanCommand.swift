import ArgumentParser
import BPCtlCommands
import BlueprintKit
import Foundation
import GitKit
import Planner

struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Show what deploying a blueprint would change in AWS, before anything changes.",
        discussion: """
        The blueprint is validated first; one with errors is not planned. Live state is read in \
        the blueprint's REGION (stack, MainLambda/SearchLambda, AMI, instance type offering, \
        affiliate groups, members, policies, folders, users). When the blueprint is in git, its \
        last committed version tells the blueprint's changes from changes made in AWS outside \
        bpctl, which are listed under "Changed outside bpctl".

        Exit codes:
          0  success (with --detailed-exitcode: no changes)
          1  error: invalid or unreadable blueprint, AWS refused or throttled, checks that \
        would make the deploy fail
          2  with --detailed-exitcode: changes present; otherwise a usage error
        """)

    @Argument(help: "The blueprint file (stack_config_template.json or .yaml).")
    var blueprint: String

    @Flag(help: "Print the plan document as JSON (schemas/plan.schema.json).")
    var json = false

    @Option(name: [.customLong("out", withSingleDash: true), .customLong("out")], help: ArgumentHelp("Save the plan to this file.", valueName: "file"))
    var out: String?

    @Flag(help: "Exit 0 when there are no changes, 2 when there are, 1 on error.")
    var detailedExitcode = false

    @Option(help: ArgumentHelp("false: do not read AWS; plan against the live facts saved in an earlier plan file (--facts-from, else -out).", valueName: "bool"))
    var refresh = true

    @Option(help: ArgumentHelp("The saved plan whose live facts --refresh=false uses.", valueName: "file"))
    var factsFrom: String?

    @Option(help: "Colour: auto (a terminal without NO_COLOR), always or never.")
    var color: ColorChoice = .auto

    @OptionGroup var aws: AWSOptions

    @Option(help: "Prices for the cost per job: table (committed, offline) or live (AWS Price List API).")
    var pricing: PlanSupport.PricingChoice = .table

    @Option(help: "Parallel AWS reads.")
    var parallelism = 10

    func validate() throws {
        if parallelism < 1 { throw ValidationError("--parallelism must be at least 1") }
        if !refresh && factsFrom == nil && out == nil { throw ValidationError("--refresh=false needs a saved plan: --facts-from FILE or -out FILE") }
    }

    func run() async throws {
        let report = Validator.validate(files: [blueprint])
        if report.errors > 0 {
            FileHandleOutput.stderr(TextRenderer(color: false).render(report))
            throw PlanSupport.fail("\(blueprint) has errors; a blueprint with errors is not planned (fix them, see 'bpctl validate')")
        }
        let history: BlueprintHistory?
        do { history = try GitHistory(containing: blueprint) } catch { throw PlanSupport.fail("git: \(error)") }
        let facts: Planner.Facts
        if refresh {
            let desiredRegion = aws.region ?? BlueprintRegion.of(blueprint) ?? "us-east-1"
            facts = .read(AWSLiveReader(client: PlanSupport.client(profile: aws.profile, region: desiredRegion), parallelism: parallelism))
        } else {
            let file = factsFrom ?? out!
            guard let data = FileManager.default.contents(atPath: file), let saved = try? Plan.decode(data) else {
                throw PlanSupport.fail("\(file) is not a readable bpctl plan file")
            }
            guard let live = saved.live else { throw PlanSupport.fail(PlanError.noSavedFacts(path: file).description) }
            facts = .saved(live)
        }
        let options = Planner.Options(bpctlVersion: BPCtlVersion.current, regionOverride: aws.region,
                                      prices: PlanSupport.prices(pricing, profile: aws.profile), progress: refresh ? StderrProgress() : nil)
        let plan: Plan
        do {
            plan = try await Planner.plan(path: blueprint, facts: facts, history: history, options: options)
        } catch {
            throw PlanSupport.fail(error.description)
        }
        FileHandleOutput.stdout(json ? plan.json() : PlanTextRenderer(color: Terminal.color(color)).render(plan))
        if let out {
            // Saved with the blueprint's absolute path, so show and apply work from any directory.
            var saved = plan
            saved.blueprint = .init(path: URL(fileURLWithPath: plan.blueprint.path).standardizedFileURL.path, sha256: plan.blueprint.sha256)
            do { try AtomicFile.write(saved.json(), to: out) } catch { throw PlanSupport.fail("\(error)") }
            if !json { FileHandleOutput.stderr("Saved the plan to \(out). 'bpctl show \(out)' renders it and says whether it is still current.\n") }
        }
        if plan.checks.contains(where: { $0.severity == .error }) { throw ExitCode(1) }
        if detailedExitcode && plan.hasChanges { throw ExitCode(2) }
    }
}

/// The blueprint's REGION, read cheaply for choosing the AWS client's region.
enum BlueprintRegion {
    static func of(_ path: String) -> String? {
        guard case .success(let doc) = Document.load(path: path) else { return nil }
        return Blueprint(document: doc).regionValue
    }
}
