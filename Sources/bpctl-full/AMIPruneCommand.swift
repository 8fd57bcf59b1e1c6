import Applier
import ArgumentParser
import BPCtlCommands

struct AMIPruneCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prune",
        abstract: "Deregister a pipeline's images that no blueprint references (plan first, then confirm).",
        discussion: """
        Only images bpctl tagged with the pipeline are candidates, and only those that no \
        blueprint in the repository names, in the working tree or in any commit (so a revert can \
        always bring an image back). The plan is printed first; it runs after you type yes, or \
        with --auto-approve. EBS snapshots behind the images are kept.

        Exit codes: 0 pruned or nothing to prune; 1 not approved, or AWS failed; 2 usage error.
        """)

    @Option(help: ArgumentHelp("The pipeline's blueprint.", valueName: "file"))
    var blueprint = "stack_config_template.json"

    @Option(help: "Pipeline name (default: the blueprint's PipelineName).")
    var pipeline: String?

    @Flag(help: "Do not ask for confirmation.")
    var autoApprove = false

    @OptionGroup var aws: AWSOptions

    func run() async throws {
        let doc = try ApplierCommand.requireBlueprint(blueprint)
        let name = pipeline ?? doc.root["PipelineName"]?.string ?? ""
        try await ApplierCommand.run(profile: aws.profile, region: aws.region, blueprint: blueprint) { client in
            let candidates = try await AMIInventory.list(pipeline: name, blueprint: blueprint, client: client).filter(\.prunable)
            guard !candidates.isEmpty else {
                FileHandleOutput.stdout("No unreferenced images for pipeline \(name). Nothing to prune.\n")
                return
            }
            var plan = "Plan: deregister \(candidates.count) image\(candidates.count == 1 ? "" : "s") of \(name) that no blueprint references:\n"
            for c in candidates { plan += "  - \(c.id)  \(c.image?.name ?? "")  \(c.image?.creationDate ?? "")\n" }
            FileHandleOutput.stdout(plan)
            guard autoApprove || ApplierCommand.confirm("Deregister these images?") else {
                FileHandleOutput.stderr("Prune cancelled.\n")
                throw ExitCode(1)
            }
            var failed = 0
            for (id, error) in await AMIInventory.prune(candidates.map(\.id), client: client) {
                if let error { failed += 1; FileHandleOutput.stderr("bpctl: \(id) was not deregistered: \(error)\n") }
                else { FileHandleOutput.stdout("Deregistered \(id).\n") }
            }
            FileHandleOutput.stdout("Their EBS snapshots are kept; delete them in the EC2 console if they are no longer needed.\n")
            if failed > 0 { throw ExitCode(1) }
        }
    }
}
