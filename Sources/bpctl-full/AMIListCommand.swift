import Applier
import ArgumentParser
import BPCtlCommands

struct AMIListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List a pipeline's images and the blueprints (working tree and git history) that reference each.",
        discussion: """
        Images are those bpctl tagged with the pipeline, plus any AMI the blueprint names now or \
        named in an earlier commit. Every blueprint in the repository counts as a reference.

        Exit codes: 0 listed; 1 AWS or git failed; 2 usage error or an unreadable blueprint.
        """)

    @Option(help: ArgumentHelp("The pipeline's blueprint.", valueName: "file"))
    var blueprint = "stack_config_template.json"

    @Option(help: "Pipeline name (default: the blueprint's PipelineName).")
    var pipeline: String?

    @OptionGroup var aws: AWSOptions

    func run() async throws {
        let doc = try ApplierCommand.requireBlueprint(blueprint)
        let name = pipeline ?? doc.root["PipelineName"]?.string ?? ""
        try await ApplierCommand.run(profile: aws.profile, region: aws.region, blueprint: blueprint) { client in
            let entries = try await AMIInventory.list(pipeline: name, blueprint: blueprint, client: client)
            FileHandleOutput.stdout(AMIInventory.renderText(entries, pipeline: name))
        }
    }
}
