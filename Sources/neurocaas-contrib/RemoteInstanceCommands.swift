import ArgumentParser
import DevInstances

struct RemoteGetIP: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "get-ip", abstract: "Public IP of the selected instance.")
    @OptionGroup var remote: RemoteOptions

    func run() async throws {
        try await RemoteRun.session(remote) { s in
            let (_, i) = try s.selected()
            guard let ip = i.publicIP else {
                throw DevError(.refused, "instance \(i.id) has no public IP (it is \(i.state))", hint: "start it with start-devinstance")
            }
            Runner.print(ip)
        }
    }
}

struct RemoteGetLifetime: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "get-lifetime", abstract: "Time on and time left.", aliases: ["get-timeout"])
    @OptionGroup var remote: RemoteOptions

    func run() async throws {
        try await RemoteRun.session(remote) { s in Runner.print(try s.selectedLifetime().sentence) }
    }
}

struct RemoteExtendLifetime: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "extend-lifetime", abstract: "Add minutes to the Timeout tag.", aliases: ["extend-timeout"])
    @OptionGroup var remote: RemoteOptions
    @Option(name: [.short, .long], help: "Minutes to add.") var minutes: Int

    func run() async throws {
        try await RemoteRun.session(remote) { s in Runner.notice("Timeout is now \(try await s.extendLifetime(minutes: minutes)) minutes") }
    }
}

struct RemoteStart: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "start-devinstance", abstract: "Start the selected instance (lifetime restarts).")
    @OptionGroup var remote: RemoteOptions
    @Option(name: [.short, .long], help: "Minutes of lifetime from now.") var timeout = 60

    func run() async throws {
        try await RemoteRun.session(remote) { s in
            let i = try await s.start(timeoutMinutes: timeout)
            Runner.print("Instance is now in state: \(i.state)" + (i.publicIP.map { "\ninstance running at \($0)" } ?? ""))
        }
    }
}

struct RemoteStop: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stop-devinstance", abstract: "Stop the selected instance.")
    @OptionGroup var remote: RemoteOptions

    func run() async throws {
        try await RemoteRun.session(remote) { s in Runner.print("Instance is now in state: \(try await s.stop().state)") }
    }
}

struct RemoteTerminate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "terminate-devinstance",
                                                    abstract: "Terminate the selected instance (refused until an AMI was saved, unless -f).")
    @OptionGroup var remote: RemoteOptions
    @Flag(name: [.short, .long], help: "Terminate without a saved AMI.") var force = false
    /// The Python tool's `--force True` / `-f False`: the value after the flag.
    @Argument(help: .hidden) var forceValue: String?

    func validate() throws {
        guard let v = forceValue else { return }
        guard force, ["true", "false"].contains(v.lowercased()) else { throw ValidationError("unexpected argument '\(v)'") }
    }

    func run() async throws {
        try await RemoteRun.session(remote) { s in
            let m = try await s.terminate(force: force && forceValue?.lowercased() != "false")
            Runner.print("Instance \(m.id) is terminating. Safe to start new instance.")
        }
    }
}
