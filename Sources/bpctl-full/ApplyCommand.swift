import Applier
import ArgumentParser
import BPCtlCommands
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

    @OptionGroup var aws: AWSOptions

    func validate() throws {
        if json && !autoApprove, ApplyInput.savedPlan(FileManager.default.contents(atPath: input) ?? Data()) == nil {
            throw ValidationError("--json needs a saved plan file or --auto-approve (a JSON run cannot ask for confirmation)")
        }
    }

    func run() async throws {
        let profile = aws.profile
        let live: ApplyInput.LiveSourceForRegion = { AWSLiveReader(client: PlanSupport.client(profile: profile, region: $0)) }
        let plan: Plan, fresh: Bool
        do {
            if let saved = ApplyInput.savedPlan(try ApplyInput.read(input)) {
                try await ApplyInput.checkSaved(saved, path: input, resume: resume, live: live)
                (plan, fresh) = (saved, false)
            } else {
                plan = try await ApplyInput.planBlueprint(path: input, regionOverride: aws.region, bpctlVersion: BPCtlVersion.current,
                                                          progress: StderrProgress(), live: live)
                fresh = true
            }
        } catch {
            if case .invalid(_, let report) = error { FileHandleOutput.stderr(TextRenderer(color: false).render(report)) }
            if error.isUsageError {
                FileHandleOutput.stderr("error: \(error)\n")
                throw ExitCode(ExitStatus.usage)
            }
            throw PlanSupport.fail(error.description)
        }
        if fresh {
            // A plan made now is shown and approved here; a saved one was reviewed with 'bpctl show'.
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
        try await ApplierCommand.run(profile: aws.profile, region: aws.region ?? plan.region, blueprint: nil) { client in
            let outcome = try await ApplyRun.apply(plan, client: client, options: options) { FileHandleOutput.stderr($0 + "\n") }
            if json { return FileHandleOutput.stdout(outcome.json()) }
            var out = "Apply complete: \(outcome.done.count) step\(outcome.done.count == 1 ? "" : "s") done"
            if !outcome.skipped.isEmpty { out += ", \(outcome.skipped.count) already done by the interrupted run" }
            FileHandleOutput.stdout(out + ".\n")
        }
    }
}
