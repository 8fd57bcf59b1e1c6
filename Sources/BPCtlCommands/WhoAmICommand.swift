import ArgumentParser
import AWSClient

public struct WhoAmICommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "whoami",
        abstract: "Show the AWS account, identity, region and endpoint bpctl would use (never the secret).",
        discussion: """
        Credentials: --profile, else AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, else AWS_PROFILE or the \
        default profile, else EC2 instance metadata (off with AWS_EC2_METADATA_DISABLED=true). \
        Region: --region, AWS_REGION, AWS_DEFAULT_REGION, then the profile. Endpoints: \
        AWS_ENDPOINT_URL_STS or AWS_ENDPOINT_URL override the standard ones.

        Exit codes: 0 success; 1 no credentials, or AWS refused or could not be reached; 2 usage \
        error or a configuration problem (a profile that does not exist, no region, a region \
        that is not a region code).
        """)

    @Option(help: "Named profile from ~/.aws/config and ~/.aws/credentials.")
    var profile: String?

    @Option(help: "AWS region.")
    var region: String?

    @Flag(help: "Print JSON.")
    var json = false

    public init() {}

    public func run() async throws {
        try await AWSCommand.run(profile: profile, region: region) { client in
            let me = try await WhoAmI.resolve(client)
            FileHandleOutput.stdout(json ? me.json : me.text)
        }
    }
}
