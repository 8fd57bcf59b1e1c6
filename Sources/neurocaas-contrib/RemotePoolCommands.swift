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

struct RemoteAssign: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "assign-instance", abstract: "Add an existing instance to the pool and select it.")
    @OptionGroup var remote: RemoteOptions
    @Option(name: [.short, .long], help: "Instance id.") var instance: String
    @Option(name: [.short, .long], help: "Name.") var name: String?
    @Option(name: [.short, .long], help: "Description.") var description: String?

    func run() async throws {
        try await RemoteRun.session(remote) { s in
            let i = try await s.assign(id: instance, name: name, description: description)
            Runner.print("assigned \(i.id) (\(i.state))")
        }
    }
}

struct RemoteSelect: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "select-instance", abstract: "Select an instance of the pool by name or id.")
    @OptionGroup var remote: RemoteOptions
    @Option(name: [.customShort("i"), .customLong("instance_id"), .customLong("instance-id")], help: "Instance id.") var instanceID: String?
    @Option(name: [.short, .long], help: "Name.") var name: String?

    func run() async throws {
        try await RemoteRun.session(remote) { s in
            let m = try s.select(name: name, id: instanceID)
            Runner.print("selected \(m.id)" + (m.name.map { " (\($0))" } ?? ""))
        }
    }
}

struct RemoteList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list-instances", abstract: "The pool (* = selected).")
    @OptionGroup var remote: RemoteOptions

    func run() async throws {
        try await RemoteRun.session(remote) { s in
            let rows = s.rows()
            if rows.isEmpty { Runner.notice("no dev instances for this analysis: launch one with launch-devinstance") }
            else { Runner.print(String(DevRender.pool(rows).dropLast())) }
        }
    }
}
