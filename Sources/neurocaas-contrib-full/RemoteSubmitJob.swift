import ArgumentParser
import DevInstances

struct RemoteSubmitJob: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "submit-job", abstract: "Run COMMAND for a submit.json on the selected instance.")
    @OptionGroup var remote: RemoteOptions
    @Option(name: [.short, .long], help: "submit.json with dataname, configname, timestamp.") var submitpath: String
    @Option(name: [.short, .long], help: .hidden) var data: [String] = []
    @Option(name: [.short, .long], help: .hidden) var config: [String] = []

    func run() async throws {
        try await RemoteRun.session(remote) { s in
            let sent = try await s.submit(try SubmitFile.load(submitpath))
            Runner.notice("sending command: \(sent.command) to instance \(sent.job.instance)")
            Runner.print(sent.job.commandID)
        }
    }
}
