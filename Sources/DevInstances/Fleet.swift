import AWSClient
import Foundation

/// Account-wide views for admins: every dev instance (tagged OwnerArn by the dev tools), and the
/// running ones past their Timeout. No blueprint needed.
public struct DevFleet: Sendable {
    public let ec2: EC2
    public let now: @Sendable () -> Date

    public init(client: AWSClient, now: @escaping @Sendable () -> Date = { Date() }) {
        ec2 = EC2(client)
        self.now = now
    }

    public struct Entry: Sendable, Equatable {
        public let instance: EC2.DevInstance
        public let owner: String
        public let analysis: String
        /// Seconds on since the last start (EC2 resets LaunchTime on start); 0 unless running.
        public let upSeconds: TimeInterval
        public let timeoutMinutes: Int?
        /// On-demand cost of the current run; nil for a type missing from the price table.
        public let cost: Double?
        public var overdue: Bool { timeoutMinutes.map { upSeconds > Double($0) * 60 } ?? false }
    }

    /// Dev instances in the region that are not terminated (one paginated DescribeInstances).
    public func all() async throws -> [Entry] {
        let found = try await ec2.describeDevInstances(filters: [
            "tag-key": ["OwnerArn"], "instance-state-name": ["pending", "running", "stopping", "stopped"]])
        return found.map { i in
            let up = i.state == "running" ? max(0, now().timeIntervalSince(i.launchTime ?? now())) : 0
            return Entry(instance: i, owner: i.tags["OwnerArn"].map(Self.shortOwner) ?? "-", analysis: i.tags["analysis"] ?? "-",
                         upSeconds: up, timeoutMinutes: i.tags["Timeout"].flatMap(Int.init),
                         cost: OnDemandPrices.hourly[i.type].map { $0 * up / 3600 })
        }.sorted { ($0.analysis, $0.instance.id) < ($1.analysis, $1.instance.id) }
    }

    /// Running dev instances past LaunchTime + Timeout; stopped (one StopInstances) when `stop`.
    public func reap(stop: Bool) async throws -> [Entry] {
        let overdue = try await all().filter { $0.instance.state == "running" && $0.overdue }
        if stop, !overdue.isEmpty { try await ec2.stopInstances(overdue.map(\.instance.id)) }
        return overdue
    }

    /// "arn:aws:iam::123:user/alice" → "user/alice".
    static func shortOwner(_ arn: String) -> String {
        arn.split(separator: ":", maxSplits: 5).last.map(String.init) ?? arn
    }
}

/// On-demand Linux prices in USD per hour, us-east-1, for the instance types NeuroCAAS
/// blueprints use (source: aws.amazon.com/ec2/pricing/on-demand, read 2026-11). Estimates only:
/// other regions cost a little more.
public enum OnDemandPrices {
    public static let hourly: [String: Double] = [
        "t2.micro": 0.0116, "t2.small": 0.023, "t2.medium": 0.0464, "t2.large": 0.0928, "t2.xlarge": 0.1856,
        "t3.micro": 0.0104, "t3.small": 0.0208, "t3.medium": 0.0416, "t3.large": 0.0832,
        "m5.large": 0.096, "m5.xlarge": 0.192, "m5.2xlarge": 0.384, "m5.4xlarge": 0.768, "m5.8xlarge": 1.536,
        "m5.12xlarge": 2.304, "m5.16xlarge": 3.072, "m5.24xlarge": 4.608,
        "c5.large": 0.085, "c5.xlarge": 0.17, "c5.2xlarge": 0.34, "c5.4xlarge": 0.68, "c5.9xlarge": 1.53,
        "r5.large": 0.126, "r5.xlarge": 0.252, "r5.4xlarge": 1.008, "r5.16xlarge": 4.032,
        "p2.xlarge": 0.90, "p2.8xlarge": 7.20, "p2.16xlarge": 14.40,
        "p3.2xlarge": 3.06, "p3.8xlarge": 12.24, "p3.16xlarge": 24.48,
        "g4dn.xlarge": 0.526, "g4dn.2xlarge": 0.752, "g4dn.4xlarge": 1.204, "g4dn.12xlarge": 3.912,
    ]
}
