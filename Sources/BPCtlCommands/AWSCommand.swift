import ArgumentParser
import AWSClient
import BlueprintKit

/// Shared set-up for commands that talk to AWS: check the profile and region (a configuration
/// mistake is a usage error, exit 2, naming the setting), build the client, and turn AWS errors
/// into one sentence on stderr with exit code 1 (never a stack trace, never a secret).
public enum AWSCommand {
    public static func run(profile: String?, region: String?, fallbackRegion: String? = nil,
                           _ body: (AWSClient) async throws -> Void) async throws {
        let environment = AWSEnvironment.process
        if let problem = environment.profileProblem(explicit: profile) {
            throw ValidationError(problem + " (aws configure list-profiles shows the names)")
        }
        let chain = CredentialChain(environment: environment, profile: profile, transport: CurlTransport())
        guard let resolved = chain.region(explicit: region, fallback: fallbackRegion) else {
            throw ValidationError("no region: pass --region, or set AWS_REGION or the profile's region")
        }
        try checkRegion(resolved, from: region != nil ? "--region" : "the region")
        do {
            try await body(AWSClient(environment: environment, profile: profile, region: resolved))
        } catch let error as AWSError {
            FileHandleOutput.stderr("bpctl: \(error)\n")
            throw ExitCode(1)
        }
    }

    /// A region code must look like one (us-east-1, us-gov-west-1); a well-formed code bpctl does
    /// not know yet is accepted, since AWS adds regions.
    public static func checkRegion(_ code: String, from source: String) throws {
        guard RegionCode.isWellFormed(code) else {
            throw ValidationError("\(source) \(String(reflecting: code)) is not an AWS region code\(Suggest.phrase(for: code, in: Regions.all.sorted()))")
        }
    }
}
