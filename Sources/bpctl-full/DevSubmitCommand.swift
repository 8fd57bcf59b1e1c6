import ArgumentParser
import BPCtlCommands
import DevInstances

struct DevSubmitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "submit", abstract: "Run the blueprint's COMMAND on the selected instance for a submit.json, as the job manager would.",
        aliases: ["submit-job"])
    @OptionGroup var global: DevGlobalOptions
    @Option(name: [.short, .long], help: "submit.json with dataname, configname, timestamp.") var submitpath: String

    func run() async throws {
        try await DevRun.session(global) { s in
            let file = try SubmitFile.load(submitpath)
            let sent = try await s.submit(file)
            FileHandleOutput.stderr("sending command: \(sent.command) to instance \(sent.job.instance)\n")
            DevRun.out(sent.job.commandID)
        }
    }
}
