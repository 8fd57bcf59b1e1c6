/// Cost per job as the job manager computes its upper bound (blueprint-reference §5.5): the
/// on-demand Linux price of INSTANCE_TYPE in REGION × `__duration__` (60 minutes by default) per
/// dataset, compared with MAXCOST (300 USD by default, a lifetime budget per group).
public struct CostEstimate: Sendable, Equatable, Codable {
    public struct Line: Sendable, Equatable, Codable {
        public let instanceType: String
        public let region: String
        public let usdPerHour: Double?
        public let usdPerDataset: Double?
        public let source: String?
        public let asOf: String?

        enum CodingKeys: String, CodingKey {
            case instanceType = "instance_type", region, usdPerHour = "usd_per_hour", usdPerDataset = "usd_per_dataset", source, asOf = "as_of"
        }
    }

    public static let defaultDurationMinutes = 60

    public let pricing: String
    public let durationMinutes: Int
    public let current: Line
    /// The instance type deployed now (plan) or in the old blueprint (diff), when it differs.
    public let previous: Line?
    public let maxCostUSD: Double?
    /// How many one-dataset jobs MAXCOST covers at this price.
    public let datasetsWithinBudget: Int?
    public let note: String?

    enum CodingKeys: String, CodingKey {
        case pricing, durationMinutes = "duration_minutes", current, previous, maxCostUSD = "max_cost_usd"
        case datasetsWithinBudget = "datasets_within_budget", note
    }

    public var deltaPerDataset: Double? {
        guard let a = previous?.usdPerDataset, let b = current.usdPerDataset else { return nil }
        return b - a
    }

    public static func estimate(instanceType: String, previousType: String?, region: String, maxCostUSD: Double?,
                                prices: PriceSource, durationMinutes: Int = defaultDurationMinutes) async throws -> CostEstimate {
        func line(_ type: String) async throws -> Line {
            let p = try await prices.price(type, region: region)
            return Line(instanceType: type, region: region, usdPerHour: p?.usdPerHour,
                        usdPerDataset: p.map { Self.round($0.usdPerHour * Double(durationMinutes) / 60) }, source: p?.source, asOf: p?.asOf)
        }
        let current = try await line(instanceType)
        let previous = try await previousType.flatMap { $0 == instanceType || $0.isEmpty ? nil : $0 }.asyncMap(line)
        var note: String?
        if current.usdPerHour == nil {
            note = prices.name == "table"
                ? "no sourced price for \(instanceType) in \(region) in the committed table; run with --pricing live for the AWS Price List API"
                : "the AWS Price List API has no on-demand Linux price for \(instanceType) in \(region)"
        }
        let within = current.usdPerDataset.flatMap { per in maxCostUSD.map { per > 0 ? Int(($0 / per).rounded(.down)) : 0 } }
        return CostEstimate(pricing: prices.name, durationMinutes: durationMinutes, current: current, previous: previous,
                            maxCostUSD: maxCostUSD, datasetsWithinBudget: within, note: note)
    }

    static func round(_ x: Double) -> Double { (x * 10000).rounded() / 10000 }
}

extension Optional {
    func asyncMap<U>(_ f: (Wrapped) async throws -> U) async rethrows -> U? {
        switch self {
        case .some(let w): return try await f(w)
        case .none: return nil
        }
    }
}
