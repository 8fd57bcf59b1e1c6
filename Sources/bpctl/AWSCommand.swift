import ArgumentParser
import AWSClient

/// Shared set-up for commands that talk to AWS: build the client, and turn AWS errors into one
/// sentence on stderr with exit code 1 (never a stack trace, never a secret).
enum AWSCommand {
    static func run(profile: String?, region: String?, fallbackRegion: String? = nil,
                    _ body: (AWSClient) async throws -> Void) async throws {
        let environment = AWSEnvironment.process
        let chain = CredentialChain(environment: environment, profile: profile, transport: CurlTransport())
        do {
            guard let resolved = chain.region(explicit: region, fallback: fallbackRegion) else { throw AWSError.noRegion }
            try await body(AWSClient(environment: environment, profile: profile, region: resolved))
        } catch let error as AWSError {
            FileHandleOutput.stderr("bpctl: \(error)\n")
            throw ExitCode(1)
        }
    }
}
