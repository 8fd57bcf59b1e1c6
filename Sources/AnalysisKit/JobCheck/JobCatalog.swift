import BlueprintKit

/// Every job check, in id order. The example test and `bpctl check-job --list` walk this list.
public enum JobCatalog {
    public static let checks: [any JobCheck.Type] = [
        SubmitShapeCheck.self, SubmitTimestampCheck.self, SubmitDatanameCheck.self, SubmitConfignameCheck.self,
        SubmitOptionsCheck.self, GroupPrefixCheck.self, DurationTypeCheck.self, DurationTimeoutCheck.self,
        DatasetSizeCheck.self, JobCostCheck.self, CommandValuesCheck.self, ConfigSchemaCheck.self,
        LiveObjectsCheck.self, LiveBudgetCheck.self,
    ]

    public static var descriptions: [JobCheckDescription] { checks.map { $0.description } }

    /// Run every check; findings in a stable order.
    public static func run(_ job: JobInput) -> [Diagnostic] {
        checks.flatMap { $0.init().check(job) }
    }
}
