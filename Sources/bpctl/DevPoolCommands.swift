import ArgumentParser
import DevInstances

struct DevAssignCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assign", abstract: "Add an existing instance to the analysis's pool and select it.", aliases: ["assign-instance"])

    @OptionGroup var global: DevGlobalOptions
    @Option(name: [.short, .long], help: "Instance id.") var instance: String
    @Option(name: [.short, .long], help: "Name.") var name: String?
    @Option(name: [.short, .long], help: "Description.") var description: String?

    func run() async throws {
        try await DevRun.session(global) { s in
            let i = try await s.assign(id: instance, name: name, description: description)
            DevRun.out("assigned \(i.id) (\(i.state))")
        }
    }
}

struct DevListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ls", abstract: "List the analysis's dev instances (* = selected); --all: every dev instance in the account.",
        aliases: ["list", "list-instances"])

    @OptionGroup var global: DevGlobalOptions
    @Flag(help: "Every dev instance in the account and region, with owner and cost so far (no blueprint needed).") var all = false

    func run() async throws {
        if all {
            try await DevRun.guarded {
                let c = try DevEntry.client(profile: global.profile, region: global.region, fallbackRegion: nil)
                FileHandleOutput.stdout(DevRender.fleet(try await DevFleet(client: c).all()))
            }
            return
        }
        try await DevRun.session(global) { s in
            let rows = s.rows()
            if rows.isEmpty { FileHandleOutput.stderr("no dev instances for this analysis: launch one with `bpctl dev launch`\n") }
            else { FileHandleOutput.stdout(DevRender.pool(rows)) }
        }
    }
}

struct DevSelectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "select", abstract: "Select the instance later commands act on.", aliases: ["select-instance"])

    @OptionGroup var global: DevGlobalOptions
    @Option(name: [.short, .long], help: "Name of the instance.") var name: String?
    @Option(name: [.customShort("i"), .customLong("instance-id"), .customLong("instance_id")], help: "Id of the instance.") var instanceID: String?

    func run() async throws {
        try await DevRun.session(global) { s in
            let m = try s.select(name: name, id: instanceID)
            DevRun.out("selected \(m.id)" + (m.name.map { " (\($0))" } ?? ""))
        }
    }
}
