import ArgumentParser
import DevInstances

struct DevLaunchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "launch", abstract: "Launch a dev instance from the blueprint (type, key, security group, instance profile).",
        aliases: ["launch-devinstance"])

    @OptionGroup var global: DevGlobalOptions
    @Option(name: [.short, .long], help: "Name of the instance (unique in the analysis).") var name: String?
    @Option(name: [.short, .long], help: "Description.") var description: String?
    @Option(name: [.short, .long], help: "Minutes before NeuroCAAS monitoring may stop it.") var timeout = 60
    @Option(name: [.customShort("v"), .long], help: "Root volume size in GB.") var volumesize: Int?
    @Option(name: [.short, .long], help: "AMI id, or ubuntu18|ubuntu16|dlami18|dlami16 (default: the blueprint's AMI).") var amiid: String?
    @Flag(help: "Return once launched, without waiting for it to run.") var noWait = false

    func run() async throws {
        try await DevRun.session(global) { s in
            let l = try await s.launch(LaunchRequest(name: name, description: description, timeoutMinutes: timeout, volumeSizeGB: volumesize,
                                                     ami: amiid, noWait: noWait))
            DevRun.out("Instance \(l.instance.id) is \(l.instance.state)" + (l.instance.publicIP.map { "\ninstance running at \($0)" } ?? ""))
        }
    }
}
