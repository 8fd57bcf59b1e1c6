import ArgumentParser
import BPCtlCommands
import DevInstances
import Foundation

/// `bpctl dev …`: the seed guide's dev-instance loop. Each subcommand is a thin file
/// (Dev*Command.swift) over the DevInstances library.
struct DevCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dev",
        abstract: "Dev instances of an analysis: launch, list, select, lifetime, start/stop/terminate, test jobs.",
        discussion: """
        State lives in .bpctl/dev.json next to the blueprint (at most \(DevSession.poolLimit) instances per analysis). \
        The same commands exist as `neurocaas-contrib remote …` with the Python tool's names.

        Exit codes: 0 success; 1 AWS refused or could not be reached, the image or git failed, or a submit-job \
        check failed; \
        2 usage error, an unreadable blueprint/submit file, or an unknown instance; 3 refused in the \
        current state (pool full, nothing selected, wrong instance state, no AMI saved before terminate \
        or update-blueprint).
        """,
        subcommands: [DevLaunchCommand.self, DevAssignCommand.self, DevListCommand.self, DevSelectCommand.self, DevIPCommand.self,
                      DevLifetimeCommand.self, DevExtendCommand.self, DevStartCommand.self, DevStopCommand.self, DevTerminateCommand.self,
                      DevSaveAMICommand.self, DevUpdateBlueprintCommand.self, DevSubmitCommand.self, DevStatusCommand.self, DevOutputCommand.self,
                      DevReapCommand.self]
    )
}

/// --blueprint, --profile, --region: shared by every dev subcommand.
struct DevGlobalOptions: ParsableArguments {
    @Option(help: "The analysis blueprint, or its directory.")
    var blueprint = "stack_config_template.json"

    @Option(help: "Named AWS profile.")
    var profile: String?

    @Option(help: "AWS region (default: AWS_REGION, the profile, then the blueprint's REGION).")
    var region: String?
}

/// Opens the session and turns every failure into one sentence and its exit code.
enum DevRun {
    static func session(_ o: DevGlobalOptions, _ body: (DevSession) async throws -> Void) async throws {
        try await guarded {
            let s = try await DevEntry.session(blueprint: o.blueprint, profile: o.profile, region: o.region,
                                               options: DevEntry.options(log: { FileHandleOutput.stderr($0 + "\n") }))
            try await body(s)
        }
    }

    static func guarded(_ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch {
            guard let (message, code) = DevFailure.report(error) else { throw error }
            FileHandleOutput.stderr("bpctl: \(message)\n")
            throw ExitCode(code)
        }
    }

    static func out(_ s: String) { FileHandleOutput.stdout(s.hasSuffix("\n") ? s : s + "\n") }
}
