import BlueprintKit

struct LiveBudgetCheck: JobCheck {
    static let description = JobCheckDescription(
        id: "BP421", name: "live-budget", severity: .error,
        summary: "(--live) The group's past spend plus this job reaches its budget (SSM /neurocaas/budgets/<group>/<PipelineName>, else MAXCOST).",
        rationale: "get_costmonitoring cancels the job when projected total cost is not below the budget ('Error: Job is not covered by budget').",
        triggering: [.live(LiveFacts(budget: 300, budgetSource: "MAXCOST", pastSpend: 299, pastInstances: 12)),
                     JobExample.live(LiveFacts(budget: 10, budgetSource: "/neurocaas/budgets/cunninghamlab/epi-analysis", pastSpend: 10, pastInstances: 2)).with(price: nil)],
        nonTriggering: [.clean, .live(LiveFacts(budget: 300, pastSpend: 100, pastInstances: 5))])

    func check(_ job: JobInput) -> [Diagnostic] {
        guard let live = job.live, let budget = live.budget else { return [] }
        let total = live.pastSpend + (job.projectedCost ?? 0)
        guard total >= budget else { return [] }
        let group = job.impliedGroup ?? "the group"
        let this = job.projectedCost.map { " + this job \(USD.format($0))" } ?? ""
        let node = job.submitField("dataname").map { ($0.node, $0.pointer) } ?? (job.submit.root, "")
        return [finding(job.submit.source, node.0, pointer: node.1,
                        "budget exhausted: \(group) spent \(USD.format(live.pastSpend)) on \(live.pastInstances) instance\(live.pastInstances == 1 ? "" : "s")\(this) reaches the budget \(USD.format(budget)) (\(live.budgetSource))",
                        hint: "ask a NeuroCAAS admin to raise the budget, or shorten __duration__")]
    }
}
