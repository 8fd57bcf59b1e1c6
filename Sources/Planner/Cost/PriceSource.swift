import AWSClient
import BlueprintKit

/// Where on-demand prices come from: the committed table (offline) or the Price List API.
public protocol PriceSource: Sendable {
    var name: String { get }
    func price(_ instanceType: String, region: String) async throws -> InstancePrices.Price?
}

/// The committed table, with its source and date for every figure.
public struct TablePrices: PriceSource {
    public init() {}
    public var name: String { "table" }
    public func price(_ instanceType: String, region: String) async throws -> InstancePrices.Price? {
        InstancePrices.onDemandLinux(instanceType, region: region)
    }
}

/// `--pricing live`: the AWS Price List API (always through a us-east-1 client).
public struct LivePrices: PriceSource {
    public let pricing: Pricing
    public init(client: AWSClient) { pricing = Pricing(client) }
    public var name: String { "live" }
    public func price(_ instanceType: String, region: String) async throws -> InstancePrices.Price? {
        guard let p = try await pricing.onDemandLinux(instanceType: instanceType, regionCode: region) else { return nil }
        return InstancePrices.Price(usdPerHour: p.usdPerHour, source: "AWS Price List API (GetProducts, AmazonEC2)",
                                    asOf: p.publicationDate ?? "today")
    }
}
