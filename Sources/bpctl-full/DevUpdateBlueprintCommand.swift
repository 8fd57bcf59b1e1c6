import ArgumentParser
import DevInstances

struct DevUpdateBlueprintCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update-blueprint", abstract: "Write an AMI (default: the last one saved) into the blueprint, between two git commits.")
    @OptionGroup var global: DevGlobalOptions
    @Option(name: [.short, .long], help: "AMI id (default: the newest saved with save-ami).") var amiid: String?
    @Option(name: [.short, .long], help: "Purpose, recorded in the second commit's message.") var message: String?

    func run() async throws {
        try await DevRun.session(global) { s in
            let u = try s.updateBlueprint(ami: amiid, message: message)
            guard u.changed else {
                DevRun.out("Blueprint already up to date, aborting new commit.")
                return
            }
            DevRun.out("Blueprint updated with ami \(u.ami)\nold commit has hash: \(u.beforeCommit)\nnew commit has hash: \(u.afterCommit ?? "")")
        }
    }
}
