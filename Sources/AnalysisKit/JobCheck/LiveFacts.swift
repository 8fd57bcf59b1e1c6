/// What `--live` learned from AWS, gathered once before the checks run (checks stay pure).
public struct LiveFacts: Sendable, Equatable {
    /// Keys (as written in submit.json) that were looked up and do not exist.
    public var missingObjects: Set<String>
    /// The group's budget in USD and where it came from (the SSM parameter or MAXCOST).
    public var budget: Double?
    public var budgetSource: String
    /// What the group already spent, from `logs/<group>/i-*.json`.
    public var pastSpend: Double
    /// How many finished instance records that spend comes from.
    public var pastInstances: Int

    public init(missingObjects: Set<String> = [], budget: Double? = nil, budgetSource: String = "MAXCOST",
                pastSpend: Double = 0, pastInstances: Int = 0) {
        self.missingObjects = missingObjects
        self.budget = budget
        self.budgetSource = budgetSource
        self.pastSpend = pastSpend
        self.pastInstances = pastInstances
    }
}
