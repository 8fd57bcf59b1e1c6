#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The AWS Price List API (JSON 1.1, `AWSPriceListService`), for `bpctl plan --pricing live`.
/// Its endpoint is regional but only in a few regions, so callers use a us-east-1 client.
public struct Pricing: Sendable {
    public let client: AWSClient
    public init(_ client: AWSClient) { self.client = client }

    public struct OnDemand: Sendable, Equatable {
        public let usdPerHour: Double
        /// The price list's publication date, when it says.
        public let publicationDate: String?
    }

    /// On-demand Linux, shared tenancy, no pre-installed software, in `regionCode`.
    /// nil when the price list has no such product.
    public func onDemandLinux(instanceType: String, regionCode: String) async throws -> OnDemand? {
        let filters: [(String, String)] = [("instanceType", instanceType), ("regionCode", regionCode), ("operatingSystem", "Linux"),
                                           ("tenancy", "Shared"), ("preInstalledSw", "NA"), ("capacitystatus", "Used")]
        let reply = try await client.json11(.pricing, target: "AWSPriceListService.GetProducts", [
            "ServiceCode": "AmazonEC2", "FormatVersion": "aws_v1", "MaxResults": 10,
            "Filters": filters.map { ["Type": "TERM_MATCH", "Field": $0.0, "Value": $0.1] },
        ])
        // PriceList is a list of JSON documents encoded as strings.
        for item in reply["PriceList"] as? [Any] ?? [] {
            let product: [String: Any]?
            if let s = item as? String { product = JSONReader.object(Array(s.utf8)) } else { product = item as? [String: Any] }
            guard let product, let terms = (product["terms"] as? [String: Any])?["OnDemand"] as? [String: Any] else { continue }
            for term in terms.values {
                for dimension in ((term as? [String: Any])?["priceDimensions"] as? [String: Any] ?? [:]).values {
                    if let usd = ((dimension as? [String: Any])?["pricePerUnit"] as? [String: Any])?["USD"] as? String, let value = Double(usd), value > 0 {
                        return OnDemand(usdPerHour: value, publicationDate: product["publicationDate"] as? String)
                    }
                }
            }
        }
        return nil
    }
}
