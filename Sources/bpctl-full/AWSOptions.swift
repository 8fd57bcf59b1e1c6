import ArgumentParser

/// --profile and --region of the commands that work on a deployed analysis. An analysis lives
/// in one region, so the blueprint's REGION is the default and --region only overrides it.
struct AWSOptions: ParsableArguments {
    @Option(help: "Named profile from ~/.aws/config and ~/.aws/credentials.")
    var profile: String?

    @Option(help: "AWS region (default: the blueprint's REGION).")
    var region: String?
}
