struct MixedCheckoutRule: Rule {
    static let description = RuleDescription(
        id: "BP145", name: "command-mixed-checkouts", severity: .warning,
        summary: "COMMAND runs run_main from one checkout but sources workflow.sh from another.",
        rationale: "run_main*.sh and workflow.sh share state files and functions; taking them from two checkouts (neurocaas_remote vs ncap_remote) mixes versions.",
        triggering: [.edit((". neurocaas_contrib/ncap_utils/workflow.sh", ". ncap_remote/ncap_utils/workflow.sh"))],
        nonTriggering: [.clean])

    func check(_ bp: Blueprint, _ context: RuleContext) -> [Diagnostic] {
        guard let field = bp.lambda?.config?.command, let command = field.node.string else { return [] }
        let words = ShellCommand(command).commands.flatMap { $0 }.map(\.unquoted)
        guard let main = words.first(where: { ($0 as NSString).lastPathComponent.hasPrefix("run_main") && $0.hasSuffix(".sh") }),
              let workflow = words.first(where: { $0.hasSuffix("workflow.sh") }) else { return [] }
        // Only checkouts of the NeuroCAAS tooling; an analysis repo may ship its own run_main.sh.
        let tooling: Set<String> = ["neurocaas_remote", "ncap_remote", "neurocaas_contrib"]
        guard let a = checkout(main), let b = checkout(workflow), a != b, tooling.contains(a), tooling.contains(b) else { return [] }
        return [finding(bp, field, "COMMAND runs \(main) from '\(a)' but sources workflow.sh from '\(b)'",
                        hint: "take both from the same checkout ('\(a)/ncap_utils/workflow.sh')")]
    }

    /// The first path component of a repo-relative script path.
    private func checkout(_ path: String) -> String? {
        let parts = path.split(separator: "/")
        return parts.count >= 2 ? String(parts[0]) : nil
    }
}

import Foundation
