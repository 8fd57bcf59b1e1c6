import Applier
import ArgumentParser
import BlueprintKit
import Foundation
import Planner

struct ApplyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply",
        abstract: "Carry out a plan: Lambda settings through CloudFormation, affiliates through IAM and S3.",
        discussion: """
        With a blueprint, bpctl plans, shows the plan and asks for 'yes' (or --auto-approve). \
        With a saved plan (bpctl plan -out FILE), it refuses a stale plan and says which fact \
        changed. Function settings (AMI, INSTANCE_TYPE, COMMAND, …) change through one \
        CloudFormation UpdateStack of the deployed template; affiliate groups, memberships, \
        policies and folders through IAM and S3. Removing an affiliate never deletes data. \
        A new analysis (no stack named PipelineName in the region) is created from a \
        template bpctl compiles from the blueprint (plain CloudFormation, no SAM): the CodeUri \
        directory is zipped into the artifact bucket (--artifact-bucket, or artifact_bucket: in \
        .bpctl.yaml), CreateStack runs and is waited for, then the affiliates are set up. \
        --change-set shows CloudFormation's change set and executes it only after 'yes' (or \
        --auto-approve). Other stack-level changes (STAGE, the bucket) are refused with a hint.

        The run holds .bpctl/lock beside the blueprint and journals every step in \
        .bpctl/journal.json. The first Ctrl-C finishes the current step and stops; --resume \
        continues an interrupted or failed run without repeating finished steps.

        Exit codes: 0 applied (or nothing to do); 1 refused, stale, not approved or failed; \
        2 usage error or an unreadable input. --json prints the steps and their status.
        """)

    @Argument(help: "A plan file from 'bpctl plan -out', or a blueprint.")
    var input = "stack_config_template.json"

    @Flag(help: "Do not ask for confirmation.")
    var autoApprove = false

    @Flag(help: "Continue the interrupted or failed apply recorded in .bpctl/journal.json.")
    var resume = false

    @Option(help: "S3 bucket for a new analysis's zipped Lambda code (default: artifact_bucket in .bpctl.yaml).")
    var artifactBucket: String?

    @Flag(help: "Create a CloudFormation change set, show it, and execute it only when approved.")
    var changeSet = false

    @Option(help: "Seconds to wait for another bpctl run to release the lock.")
    var lockTimeout: Double = 0

    @Option(help: ArgumentHelp("Seconds between stack status checks.", visibility: .hidden))
    var pollInterval: Double = 5

    @Flag(help: "Print the outcome as JSON (needs a plan file or --auto-approve: there is no prompt).")
    var json = false

    @Option(help: "Named profile from ~/.aws/config and ~/.aws/credentials.")
    var profile: String?

    @Option(help: "AWS region (default: the blueprint's REGION).")
    var region: String?

    func validate() throws {
        if json && !autoApprove, (try? Plan.decode(FileManager.default.contents(atPath: input) ?? Data())) == nil {
            throw ValidationError("--json needs a saved plan file or --auto-approve (a JSON run cannot ask for confirmation)")
        }
    }

    func run() async throws {
        guard let data = FileManager.default.contents(atPath: input) else {
            FileHandleOutput.stderr("error: cannot read \(input): no such file or not readable\n")
            throw ExitCode(ExitStatus.usage)
        }
        let plan: Plan
        if let saved = try? Plan.decode(data) {
            plan = saved
            let history = try? GitHistory(containing: plan.blueprint.path)
            // After a partial apply the live facts moved by our own hand: resume checks the
            // blueprint and HEAD only, and the journal skips what was done.
            let live = resume ? nil : plan.live.map { AWSLiveReader(client: PlanSupport.client(profile: profile, region: $0.request.region)) }
            let reasons: [StaleReason]
            do { reasons = try await Staleness.check(plan, history: history, live: live) } catch { throw PlanSupport.fail(error.description) }
            if !reasons.isEmpty {
                throw PlanSupport.fail("the saved plan \(input) is stale, so it was not applied:\n" + reasons.map { "  - \($0)\n" }.joined() + "Run 'bpctl plan' again.")
            }
        } else {
            _ = try ApplierCommand.requireBlueprint(input)
            let report = Validator.validate(files: [input])
            if report.errors > 0 {
                FileHandleOutput.stderr(TextRenderer(color: false).render(report))
                throw PlanSupport.fail("\(input) has errors; a blueprint with errors is not applied (fix them, see 'bpctl validate')")
            }
            let history: BlueprintHistory?
            do { history = try GitHistory(containing: input) } catch { throw PlanSupport.fail("git: \(error)") }
            let desiredRegion = region ?? BlueprintRegion.of(input) ?? "us-east-1"
            let reader = AWSLiveReader(client: PlanSupport.client(profile: profile, region: desiredRegion))
            do {
                plan = try await Planner.plan(path: input, facts: .read(reader), history: history,
                                              options: .init(bpctlVersion: BPCtlVersion.current, regionOverride: region, progress: StderrProgress()))
            } catch { throw PlanSupport.fail(error.description) }
            if !json { FileHandleOutput.stdout(PlanTextRenderer(color: Terminal.colorOnStdout).render(plan)) }
            guard plan.hasChanges else {
                if json { FileHandleOutput.stdout(ApplyRun.Outcome(steps: [], done: [], skipped: []).json()) }
                return
            }
            guard autoApprove || ApplierCommand.confirm("Do you want to perform these actions?") else {
                FileHandleOutput.stderr("Apply cancelled.\n")
                throw ExitCode(1)
            }
        }
        var options = ApplyRun.Options()
        options.resume = resume
        options.lockTimeout = lockTimeout
        options.pollInterval = pollInterval
        do {
            options.artifactBucket = try artifactBucket ?? ArtifactBucketSetting.find(forBlueprint: plan.blueprint.path)
        } catch {
            FileHandleOutput.stderr("error: \(error)\n")
            throw ExitCode(ExitStatus.usage)
        }
        options.changeSet = changeSet
        if changeSet {
            let approve = autoApprove
            options.approveChangeSet = { text in
                FileHandleOutput.stderr(text)
                return approve || ApplierCommand.confirm("Do you want to execute this change set?")
            }
        }
        options.stopAfterSteps = ProcessInfo.processInfo.environment["BPCTL_TEST_STOP_AFTER_STEPS"].flatMap(Int.init)
        let interrupt = InterruptFlag()
        interrupt.install { FileHandleOutput.stderr($0 + "\n") }
        options.interrupted = { interrupt.isSet }
        try await ApplierCommand.run(profile: profile, region: region ?? plan.region, blueprint: nil) { client in
            let outcome = try await ApplyRun.apply(plan, client: client, options: options) { FileHandleOutput.stderr($0 + "\n") }
            if json { return FileHandleOutput.stdout(outcome.json()) }
            var out = "Apply complete: \(outcome.done.count) step\(outcome.done.count == 1 ? "" : "s") done"
            if !outcome.skipped.isEmpty { out += ", \(outcome.skipped.count) already done by the interrupted run" }
            FileHandleOutput.stdout(out + ".\n")
        }
    }
}
