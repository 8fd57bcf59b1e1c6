import Applier
import ArgumentParser
import BPCtlCommands
import Foundation

struct AMICreateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Save a dev instance as an AMI, wait until it is available, and record it in the blueprint.",
        discussion: """
        EC2 CreateImage (the instance reboots unless --no-reboot), tagged with the pipeline, the \
        blueprint path, git HEAD, the source instance, your ARN and the time; then a wait until \
        the image is available (its state is shown while waiting). With --blueprint, the \
        blueprint's Lambda.LambdaConfig.AMI is changed (only those bytes) between two commits, \
        "automatic commit to document pipeline <file> before update at <time>" and \
        "... after update at <time>. Purpose: <message>. AMI: <id>", as neurocaas-contrib \
        update-blueprint writes them. Git problems are found before the image is made.

        A run with --blueprint holds the lock .bpctl/lock and journals each step in \
        .bpctl/journal.json; after an interruption or a timeout, the same command with --resume \
        continues (the image is never created twice).

        Exit codes: 0 done; 1 AWS, git or the image failed (the message says where it stopped); \
        2 usage error or an unreadable blueprint.
        """)

    @Option(help: "The dev instance to image.")
    var instance: String

    @Option(name: [.customShort("n"), .long], help: "Image name (unique per account and region). Default: <PipelineName>-<UTC time>.")
    var name: String?

    @Option(help: ArgumentHelp("Blueprint whose AMI to update (and commit).", valueName: "file"))
    var blueprint: String?

    @Option(name: [.customShort("m"), .long], help: "Purpose recorded in the after-update commit message.")
    var message: String?

    @Flag(help: "Do not reboot the instance (the file system may be inconsistent in the image).")
    var noReboot = false

    @Option(help: "Seconds to wait for the image to become available.")
    var timeout: Double = 3600

    @Option(help: ArgumentHelp("Seconds between state checks.", visibility: .hidden))
    var pollInterval: Double = 15

    @Option(help: "Seconds to wait for another bpctl run to release the blueprint's lock.")
    var lockTimeout: Double = 0

    @Flag(help: "Continue the interrupted or timed-out run recorded in .bpctl/journal.json.")
    var resume = false

    @OptionGroup var aws: AWSOptions

    func validate() throws {
        if resume && blueprint == nil { throw ValidationError("--resume needs --blueprint (the journal lives beside it)") }
        if timeout <= 0 || pollInterval <= 0 || lockTimeout < 0 { throw ValidationError("--timeout and the intervals must be positive") }
    }

    func run() async throws {
        if let blueprint { _ = try ApplierCommand.requireBlueprint(blueprint) }
        var request = AMIUpdate.Request(instanceID: instance, name: name, blueprint: blueprint, message: message)
        request.noReboot = noReboot
        request.timeout = timeout
        request.pollInterval = pollInterval
        request.lockTimeout = lockTimeout
        request.resume = resume
        // Fault injection for the resume tests (never documented to users).
        request.stopAfterSteps = ProcessInfo.processInfo.environment["BPCTL_TEST_STOP_AFTER_STEPS"].flatMap(Int.init)
        try await ApplierCommand.run(profile: aws.profile, region: aws.region, blueprint: blueprint) { client in
            let outcome = try await AMIUpdate.createAndRecord(request, client: client) { FileHandleOutput.stderr($0 + "\n") }
            var out = "Image \(outcome.imageID) (\(outcome.name)) is available.\n"
            if !outcome.resumedSteps.isEmpty { out += "Resumed: \(outcome.resumedSteps.joined(separator: ", ")) had been done by the interrupted run.\n" }
            for (k, v) in outcome.tags.sorted(by: { $0.key < $1.key }) { out += "  tag \(k) = \(v)\n" }
            if let update = outcome.blueprint, let blueprint {
                if update.changed {
                    out += "Blueprint \(blueprint): AMI \(update.previousAMI ?? "(none)") -> \(update.ami)\n"
                    out += "  old commit has hash: \(update.beforeCommit)\n  new commit has hash: \(update.afterCommit ?? "")\n"
                } else {
                    out += "Blueprint already up to date, aborting new commit.\n  commit: \(update.beforeCommit)\n"
                }
            }
            FileHandleOutput.stdout(out)
        }
    }
}
