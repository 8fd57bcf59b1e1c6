import AWSClient

/// Per-group spend against the budget, as the job manager counts it (§5.5): each finished
/// instance is price × (end − start); one without start or end is charged an hour.
public struct GroupSpend: Sendable, Equatable {
    public let group: String
    public let spent: Double
    public let instances: Int
    public let budget: Double?
    public let budgetSource: String

    public var remaining: Double? { budget.map { $0 - spent } }
    /// The job manager refuses new jobs once spend (plus the job) reaches the budget.
    public var exhausted: Bool { budget.map { spent >= $0 } ?? false }

    public static func compute(records: [InstanceRecord], group: String, budget: Double?, source: String) -> GroupSpend {
        let mine = records.filter { $0.group == group }
        return GroupSpend(group: group, spent: mine.reduce(0) { $0 + $1.cost }, instances: mine.count, budget: budget, budgetSource: source)
    }
}

extension MonitorReader {
    /// Every group's spend against its budget (the SSM parameter, else MAXCOST).
    public func spend(ssm: SSM, groups: [String], maxCost: Double?) async throws -> [GroupSpend] {
        let records = try await bucket.records()
        var out: [GroupSpend] = []
        for g in groups {
            let (budget, source) = try await bucket.budget(ssm: ssm, group: g, pipeline: name, maxCost: maxCost)
            out.append(GroupSpend.compute(records: records, group: g, budget: budget, source: source))
        }
        return out
    }
}
