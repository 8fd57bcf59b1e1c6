import BlueprintKit

/// The on-demand Linux price the job manager's cost check uses (the AWS Pricing API there; the
/// bundled, sourced table here, so check-job works offline).
public enum JobPricing {
    public static func hourly(instanceType: String?, region: String?) -> InstancePrices.Price? {
        guard let instanceType else { return nil }
        return InstancePrices.onDemandLinux(instanceType, region: region ?? "us-east-1")
    }
}
