import ArgumentParser
import WorkflowKit

struct WorkflowGroup: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workflow",
        abstract: "Register, fetch and publish a job's files (state in ~/.neurocaas_contrib_storageloc.json).",
        subcommands: [
            InitializeJob.self, RegisterDataset.self, RegisterConfig.self, RegisterFile.self, RegisterResultpath.self,
            GetData.self, GetConfig.self, GetFile.self, PutResult.self,
            GetDataname.self, GetConfigname.self, GetFilename.self, GetDatapath.self, GetConfigpath.self, GetFilepath.self,
            GetBucket.self, GetGroup.self, GetResultpath.self, GetResultpathTmp.self,
            LogCommand.self, LogCommandLocal.self, Cleanup.self,
        ])
}

struct InitializeJob: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "initialize-job", abstract: "Start a job in an existing directory.")
    @Option(name: [.short, .long], help: "The job directory (must exist).") var path: String

    func run() async throws {
        try await Runner.run { _ = try Runner.workflow().state.initialize(path: path) }
    }
}
