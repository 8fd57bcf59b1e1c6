/// On-demand Linux prices (USD per instance-hour) for the instance types NeuroCAAS blueprints use
/// and their family neighbours. Offline, so `plan` and `diff` can show a job's cost without AWS.
///
/// Every figure carries where it was read and the date of that copy. The figures are AWS's
/// published on-demand rates for Linux, shared tenancy, read from public copies of AWS's price
/// table (the live page is not reachable from this workplace); where copies disagree the type is
/// left out. A type or region without a sourced figure is absent on purpose: the plan then says
/// the price is unknown and suggests `--pricing live` (the AWS Price List API), which is the
/// authority whenever the two differ.
public enum InstancePrices {
    public struct Price: Sendable, Equatable {
        public let usdPerHour: Double
        public let source: String
        public let asOf: String

        public init(usdPerHour: Double, source: String, asOf: String) {
            self.usdPerHour = usdPerHour
            self.source = source
            self.asOf = asOf
        }
    }

    /// The committed figure for `instanceType` in `region`, or nil when none is sourced.
    public static func onDemandLinux(_ instanceType: String, region: String) -> Price? {
        guard let row = table[region]?[instanceType] else { return nil }
        return Price(usdPerHour: row.usd, source: row.source.text, asOf: row.source.asOf)
    }

    // MARK: - Sources

    private struct Source {
        let text: String
        let asOf: String
    }

    private static let awsPage = "https://aws.amazon.com/ec2/pricing/on-demand/"

    /// AWS's "General Purpose - Current Generation" table (Linux/UNIX usage, US East), as copied
    /// in gist.github.com/franc3000/cfa43461aeb2e7bd4c2c53cb89f808a8.
    private static let t2Table = Source(
        text: "AWS EC2 on-demand pricing, US East (N. Virginia), Linux (\(awsPage)); "
            + "table copied in gist.github.com/franc3000/cfa43461aeb2e7bd4c2c53cb89f808a8",
        asOf: "2017-10-31")

    /// AWS's accelerated-computing table for P2 and G3 (US East), as copied in
    /// gist.github.com/Geoyi/b84887fad3a36c1d0e4bc14144ba9af1; P2 also in
    /// gist.github.com/slavivanov/9af05ba30f3f3d6e8c22253b052fec59 (N. Virginia, 2017-03-16).
    private static let p2g3Table = Source(
        text: "AWS EC2 on-demand pricing, US East (N. Virginia), Linux (\(awsPage)); "
            + "table copied in gist.github.com/Geoyi/b84887fad3a36c1d0e4bc14144ba9af1",
        asOf: "2018-03-16")

    /// A 2025 table of us-east-1 Linux on-demand rates citing AWS's on-demand page; each figure
    /// below also appears unchanged in at least one independent public copy.
    private static let table2025 = Source(
        text: "AWS EC2 on-demand pricing, us-east-1, Linux (\(awsPage)); "
            + "read from public copies of the 2025 table, figures agreeing across copies",
        asOf: "2025")

    // MARK: - Table

    private typealias Row = (usd: Double, source: Source)

    private static let table: [String: [String: Row]] = [
        "us-east-1": [
            // Burstable (the dev-instance default and small test pipelines).
            "t2.nano": (0.0058, t2Table), "t2.micro": (0.0116, t2Table), "t2.small": (0.023, t2Table),
            "t2.medium": (0.0464, t2Table), "t2.large": (0.0928, t2Table), "t2.xlarge": (0.1856, t2Table),
            "t2.2xlarge": (0.3712, t2Table),
            // General purpose.
            "m4.large": (0.10, t2Table), "m4.xlarge": (0.20, t2Table), "m4.2xlarge": (0.40, t2Table),
            "m4.4xlarge": (0.80, t2Table), "m4.10xlarge": (2.00, t2Table), "m4.16xlarge": (3.20, t2Table),
            "m5.large": (0.096, table2025), "m5.xlarge": (0.192, table2025), "m5.2xlarge": (0.384, table2025),
            "m5.4xlarge": (0.768, table2025), "m5.8xlarge": (1.536, table2025), "m5.12xlarge": (2.304, table2025),
            "m5.16xlarge": (3.072, table2025), "m5.24xlarge": (4.608, table2025),
            // Compute optimised.
            "c5.xlarge": (0.17, table2025), "c5.2xlarge": (0.34, table2025), "c5.4xlarge": (0.68, table2025),
            "c5.9xlarge": (1.53, table2025), "c5.12xlarge": (2.04, table2025), "c5.18xlarge": (3.06, table2025),
            // Memory optimised.
            "r5.xlarge": (0.252, table2025), "r5.2xlarge": (0.504, table2025), "r5.4xlarge": (1.008, table2025),
            "r5.8xlarge": (2.016, table2025), "r5.12xlarge": (3.024, table2025), "r5.16xlarge": (4.032, table2025),
            "r5.24xlarge": (6.048, table2025),
            // GPU: K80 (p2), M60 (g3), V100 (p3), T4 (g4dn).
            "p2.xlarge": (0.90, p2g3Table), "p2.8xlarge": (7.20, p2g3Table), "p2.16xlarge": (14.40, p2g3Table),
            "g3.4xlarge": (1.14, p2g3Table), "g3.8xlarge": (2.28, p2g3Table), "g3.16xlarge": (4.56, p2g3Table),
            "p3.2xlarge": (3.06, table2025), "p3.8xlarge": (12.24, table2025), "p3.16xlarge": (24.48, table2025),
            "g4dn.xlarge": (0.526, table2025), "g4dn.2xlarge": (0.752, table2025), "g4dn.4xlarge": (1.204, table2025),
            "g4dn.8xlarge": (2.176, table2025), "g4dn.12xlarge": (3.912, table2025),
        ],
    ]
}
