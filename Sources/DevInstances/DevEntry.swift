import AWSClient
import Foundation

/// How both CLIs start a dev command: find the blueprint, build the AWS client (region from
/// --region, the environment or profile, else the blueprint's REGION), open the session.
public enum DevEntry {
    /// A directory means its stack_config_template.json.
    public static func blueprintPath(_ given: String) -> String {
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: given, isDirectory: &isDir), isDir.boolValue {
            return (given as NSString).appendingPathComponent("stack_config_template.json")
        }
        return given
    }

    public static func client(profile: String?, region: String?, fallbackRegion: String?,
                              environment: AWSEnvironment = .process) throws -> AWSClient {
        let chain = CredentialChain(environment: environment, profile: profile, transport: URLSessionTransport())
        guard let r = chain.region(explicit: region, fallback: fallbackRegion) else { throw AWSError.noRegion }
        return AWSClient(environment: environment, profile: profile, region: r)
    }

    public static func session(blueprint path: String, profile: String?, region: String?, options: DevOptions,
                               environment: AWSEnvironment = .process) async throws -> DevSession {
        let bp = try DevBlueprint.load(blueprintPath(path))
        let c = try client(profile: profile, region: region, fallbackRegion: bp.region, environment: environment)
        return try await DevSession.open(blueprint: bp, client: c, options: options)
    }

    /// Options for an interactive command: progress on stderr, polling as set by
    /// BPCTL_DEV_POLL_SECONDS (default 5; tests and benchmarks use less).
    public static func options(log: @escaping @Sendable (String) -> Void) -> DevOptions {
        let poll = ProcessInfo.processInfo.environment["BPCTL_DEV_POLL_SECONDS"].flatMap(Double.init) ?? 5
        return DevOptions(pollInterval: poll, log: log)
    }
}
