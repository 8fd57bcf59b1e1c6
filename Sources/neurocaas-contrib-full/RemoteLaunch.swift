import ArgumentParser
import DevInstances

struct RemoteLaunch: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "launch-devinstance", abstract: "Launch a dev instance from the blueprint.")
    @OptionGroup var remote: RemoteOptions
    @Option(name: [.short, .long], help: "AMI id or ubuntu18|ubuntu16|dlami18|dlami16 (default: the blueprint's AMI).") var amiid: String?
    @Option(name: [.short, .long], help: "Name.") var name: String?
    @Option(name: [.short, .long], help: "Description.") var description: String?
    @Option(name: [.short, .long], help: "Root volume size in GB.") var volumesize: Int?
    @Option(name: [.short, .long], help: "Minutes before monitoring may stop it.") var timeout = 60

    func run() async throws {
        try await RemoteRun.session(remote) { s in
            let l = try await s.launch(LaunchRequest(name: name, description: description, timeoutMinutes: timeout,
                                                     volumeSizeGB: volumesize, ami: amiid))
            Runner.print("Instance \(l.instance.id) is running" + (l.instance.publicIP.map { "\ninstance running at \($0)" } ?? ""))
        }
    }
}
