import ArgumentParser
import DevInstances
import Foundation

/// `neurocaas-contrib remote …`: the seed guide's dev-instance commands with the Python tool's
/// names and flags (plus the guide's get-timeout/extend-timeout), over the same library as
/// `bpctl dev`.
struct RemoteGroup: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remote",
        abstract: "Dev instances of the current analysis (launch, select, lifetime, start/stop/terminate, test jobs).",
        discussion: """
        The analysis is the one in ~/.neurocaas_contrib_config.json (written by the Python tool's `init`; \
        `neurocaas-contrib --location DIR -a NAME remote …` overrides it), else ./stack_config_template.json, \
        else --blueprint. State: .bpctl/dev.json in the analysis folder (a develop_dict.json is imported once).

        Exit codes: 0 success; 1 AWS refused or could not be reached, the image or git failed, or a submit-job \
        check failed; \
        2 usage error, an unreadable blueprint/submit file, or an unknown instance; 3 refused in the \
        current state (pool full, nothing selected, wrong instance state, no AMI saved before terminate \
        or update-blueprint).
        """,
        subcommands: [RemoteLaunch.self, RemoteAssign.self, RemoteSelect.self, RemoteList.self, RemoteStart.self, RemoteStop.self,
                      RemoteTerminate.self, RemoteGetIP.self, RemoteGetLifetime.self, RemoteExtendLifetime.self,
                      RemoteCreateDevAMI.self, RemoteUpdateBlueprint.self, RemoteSubmitJob.self, RemoteJobStatus.self, RemoteJobOutput.self]
    )
}

/// Long-only options every remote command accepts (the Python tool had none of these).
struct RemoteOptions: ParsableArguments {
    @Option(help: "The blueprint (or its folder), instead of the configured analysis.") var blueprint: String?
    @Option(help: "Named AWS profile.") var profile: String?
    @Option(help: "AWS region (default: AWS_REGION, the profile, then the blueprint's REGION).") var region: String?
}

/// The Python tool's top-level `--location DIR` and `-a/--analysis-name NAME`, taken off the
/// command line before parsing (they precede the group name).
enum RootOptions {
    nonisolated(unsafe) static var location: String?
    nonisolated(unsafe) static var analysisName: String?

    static func extract(_ args: [String]) -> [String] {
        var rest: [String] = []
        var i = 0
        while i < args.count {
            let a = args[i]
            if a.hasPrefix("-"), rest.allSatisfy({ $0.hasPrefix("-") }) {
                if (a == "--location" || a == "-a" || a == "--analysis-name"), i + 1 < args.count {
                    if a == "--location" { location = args[i + 1] } else { analysisName = args[i + 1] }
                    i += 2
                    continue
                }
                if a.hasPrefix("--location=") { location = String(a.dropFirst(11)); i += 1; continue }
                if a.hasPrefix("--analysis-name=") { analysisName = String(a.dropFirst(16)); i += 1; continue }
            }
            rest.append(a)
            i += 1
        }
        return rest
    }
}

enum RemoteRun {
    /// The blueprint: --blueprint, else the configured analysis, else ./stack_config_template.json.
    static func blueprintPath(_ o: RemoteOptions) throws -> String {
        if let b = o.blueprint { return b }
        let home = ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()
        let configPath = home + "/.neurocaas_contrib_config.json"
        let config = FileManager.default.contents(atPath: configPath).flatMap { try? JSONSerialization.jsonObject(with: $0) as? [String: Any] }
        let location = RootOptions.location ?? config?["location"] as? String
        let name = RootOptions.analysisName ?? config?["analysis_name"] as? String
        if let location, let name { return "\(location)/\(name)/stack_config_template.json" }
        if FileManager.default.fileExists(atPath: "stack_config_template.json") { return "stack_config_template.json" }
        throw DevError(.usage, "no analysis: \(configPath) names none and there is no stack_config_template.json here",
                       hint: "run from the analysis folder, pass --blueprint PATH, or `neurocaas-contrib --location DIR -a NAME remote …`")
    }

    static func session(_ o: RemoteOptions, _ body: (DevSession) async throws -> Void) async throws {
        do {
            let s = try await DevEntry.session(blueprint: try blueprintPath(o), profile: o.profile, region: o.region,
                                               options: DevEntry.options(log: { Runner.notice($0) }))
            try await body(s)
        } catch {
            guard let (message, code) = DevFailure.report(error) else { throw error }
            Runner.notice("neurocaas-contrib: \(message)")
            throw ExitCode(code)
        }
    }
}
