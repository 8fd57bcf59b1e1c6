#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import PlatformSupport

struct MaxCostRule: Rule {
    static let description = RuleDescription(
        id: "BP135", name: "max-cost", severity: .error,
        summary: "MAXCOST is not a non-negative number or numeric string.",
        rationale: "The job manager calls float(MAXCOST) in its cost check; a non-numeric value makes every job fail with 'Unable to get budget' before any work starts.",
        triggering: [.edit(("\"MAXCOST\": \"300\"", "\"MAXCOST\": \"300 USD\"")), .edit(("\"MAXCOST\": \"300\"", "\"MAXCOST\": -5"))],
        nonTriggering: [.clean, .edit(("\"MAXCOST\": \"300\"", "\"MAXCOST\": 600"))])

    func check(_ bp: Blueprint, _ context: RuleContext) -> [Diagnostic] {
        guard let field = bp.lambda?.config?.maxCost else { return [] }
        if let n = field.node.number, n.value < 0 {
            return [finding(bp, field, "MAXCOST \(n.raw) is negative", hint: "use the budget in USD, e.g. \"300\"")]
        }
        guard let s = field.realString, !s.isEmpty else { return [] }
        if let v = Double(s.trimmingWhitespace()), v.isFinite {
            return v < 0 ? [finding(bp, field, "MAXCOST \(s) is negative", hint: "use the budget in USD, e.g. \"300\"")] : []
        }
        return [finding(bp, field, "MAXCOST \(field.node.shortDescription) is not a number: float() fails and every job stops with 'Unable to get budget'",
                        hint: "write the budget in USD as a number, e.g. 300")]
    }
}
