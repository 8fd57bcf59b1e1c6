import ArgumentParser
import DevInstances

struct DevIPCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ip", abstract: "Public IP of the selected instance.", aliases: ["get-ip"])
    @OptionGroup var global: DevGlobalOptions

    func run() async throws {
        try await DevRun.session(global) { s in
            let (_, i) = try s.selected()
            guard let ip = i.publicIP else {
                throw DevError(.refused, "instance \(i.id) has no public IP (it is \(i.state))", hint: "start it with start-devinstance")
            }
            DevRun.out(ip)
        }
    }
}

struct DevLifetimeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lifetime", abstract: "Time on, and time left before the Timeout tag lets monitoring stop it.",
        aliases: ["get-lifetime", "get-timeout"])
    @OptionGroup var global: DevGlobalOptions

    func run() async throws {
        try await DevRun.session(global) { s in DevRun.out(try s.selectedLifetime().sentence) }
    }
}

struct DevExtendCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extend", abstract: "Add minutes to the selected instance's Timeout tag.", aliases: ["extend-lifetime", "extend-timeout"])
    @OptionGroup var global: DevGlobalOptions
    @Option(name: [.short, .long], help: "Minutes to add.") var minutes: Int

    func run() async throws {
        try await DevRun.session(global) { s in
            let t = try await s.extendLifetime(minutes: minutes)
            FileHandleOutput.stderr("Timeout is now \(t) minutes\n")
        }
    }
}

struct DevStartCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "start", abstract: "Start the selected instance (its lifetime restarts at --timeout).", aliases: ["start-devinstance"])
    @OptionGroup var global: DevGlobalOptions
    @Option(name: [.short, .long], help: "Minutes of lifetime from now.") var timeout = 60
    @Flag(help: "Return without waiting for it to run.") var noWait = false

    func run() async throws {
        try await DevRun.session(global) { s in
            let i = try await s.start(timeoutMinutes: timeout, noWait: noWait)
            DevRun.out("Instance is now in state: \(i.state)" + (i.publicIP.map { "\ninstance running at \($0)" } ?? ""))
        }
    }
}

struct DevStopCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stop", abstract: "Stop the selected instance.", aliases: ["stop-devinstance"])
    @OptionGroup var global: DevGlobalOptions
    @Flag(help: "Return without waiting for it to stop.") var noWait = false

    func run() async throws {
        try await DevRun.session(global) { s in DevRun.out("Instance is now in state: \(try await s.stop(noWait: noWait).state)") }
    }
}

struct DevTerminateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "terminate", abstract: "Terminate the selected instance (refused until an AMI was saved from it, unless --force).",
        aliases: ["terminate-devinstance"])
    @OptionGroup var global: DevGlobalOptions
    @Flag(name: [.short, .long], help: "Terminate even though no AMI was saved from it.") var force = false

    func run() async throws {
        try await DevRun.session(global) { s in
            let m = try await s.terminate(force: force)
            DevRun.out("Instance \(m.id) is terminating. Safe to start new instance.")
        }
    }
}
