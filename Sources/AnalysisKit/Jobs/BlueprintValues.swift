import BlueprintKit

/// Blueprint values the job tools read, as the job manager reads them.
extension Blueprint {
    /// MAXCOST as float(MAXCOST): a number or a numeric string.
    public var maxCostValue: Double? {
        guard let n = lambda?.config?.maxCost?.node else { return nil }
        if let num = n.number { return num.value }
        return n.string.flatMap { Double($0.trimmingCharacters(in: .whitespaces)) }
    }

    /// AffiliateName → UserNames.
    public var affiliateUsers: [String: [String]] {
        var out: [String: [String]] = [:]
        for a in affiliates { if let n = a.name?.node.string { out[n] = a.users.map(\.value) } }
        return out
    }
}
