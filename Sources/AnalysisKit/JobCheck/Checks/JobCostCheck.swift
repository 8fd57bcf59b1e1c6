import BlueprintKit

struct JobCostCheck: JobCheck {
    static let description = JobCheckDescription(
        id: "BP409", name: "job-cost", severity: .error,
        summary: "This job alone (price × duration × datasets) does not fit under MAXCOST.",
        rationale: "The job manager adds this upper bound to the group's past spend and cancels the job when the sum reaches the budget ('Over budget … cancelling job').",
        triggering: [.blueprint(("\"MAXCOST\": \"300\"", "\"MAXCOST\": \"5\"")),
                     .submit(("\"cunninghamlab/inputs/session1.zip\"", "[\"cunninghamlab/inputs/a.zip\", \"cunninghamlab/inputs/b.zip\"]"))
                        .with(price: 80)],
        nonTriggering: [.clean, JobExample.blueprint(("\"MAXCOST\": \"300\"", "\"MAXCOST\": \"5\"")).with(price: nil)])

    func check(_ job: JobInput) -> [Diagnostic] {
        if job.hourlyPrice == nil, let type = job.instanceType, let field = job.blueprint.lambda?.config?.instanceType {
            return [finding(job.blueprint.source, field.node, pointer: field.pointer,
                            "the job's cost was not checked: no bundled price for \(type) in \(job.blueprint.regionValue ?? "us-east-1")",
                            hint: "with --live the budget is still checked against past spend", severity: .info)]
        }
        guard let cost = job.projectedCost, let budget = job.maxCost, cost >= budget else { return [] }
        let n = max(1, job.datanames.count)
        let where_: (SourceFile, Node, String?)
        if let config = job.config, let f = config.root.field("__duration__", parentPointer: "") {
            where_ = (config.source, f.node, f.pointer)
        } else if let f = job.submitField("dataname") {
            where_ = (job.submit.source, f.node, f.pointer)
        } else {
            where_ = (job.submit.source, job.submit.root, "")
        }
        return [finding(where_.0, where_.1, pointer: where_.2,
                        "this job may cost \(USD.format(cost)) (\(job.instanceType ?? "?") at \(USD.format(job.hourlyPrice ?? 0))/h × \(job.costMinutes) min × \(n) dataset\(n == 1 ? "" : "s")), not under MAXCOST \(USD.format(budget))",
                        hint: "lower __duration__, split the datasets into several jobs, or ask the admin for a larger budget" + (job.priceSource.map { " (\($0))" } ?? ""),
                        related: related("MAXCOST", job.blueprint.lambda?.config?.maxCost, in: job.blueprint))]
    }
}

/// Dollar amounts as people read them.
public enum USD {
    public static func format(_ v: Double) -> String {
        let cents = Int((abs(v) * 100).rounded())
        let frac = cents % 100
        return "\(v < 0 && cents > 0 ? "-" : "")$\(cents / 100).\(frac < 10 ? "0" : "")\(frac)"
    }
}
