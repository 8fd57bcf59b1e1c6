import AWSClient
import Foundation

/// `--change-set`: CloudFormation computes the change, bpctl shows it like a plan, and only an
/// approved change set is executed (the deploy script's `sam deploy` executes at once, unseen).
enum ChangeSetReview {
    /// Creates the change set, waits for it, asks `approve` with the rendered changes, executes
    /// it. false when CloudFormation found nothing to change (the change set is deleted).
    static func run(stack: String, template: String, type: String, client: AWSClient, options: ApplyRun.Options,
                    progress: @Sendable (String) -> Void) async throws -> Bool {
        let cfn = CloudFormation(client)
        let name = "bpctl-\(Int(Date().timeIntervalSince1970))"
        _ = try await cfn.createChangeSet(stack: stack, name: name, template: template, type: type, capabilities: StackUpdate.capabilities)
        let start = Date()
        var set = try await cfn.describeChangeSet(stack: stack, name: name)
        while set.status.hasSuffix("_PENDING") || set.status.hasSuffix("_IN_PROGRESS") {
            if Date().timeIntervalSince(start) > options.stackTimeout { throw ApplyError("change set \(name) of stack \(stack) is still \(set.status)") }
            try await Task.sleep(nanoseconds: UInt64(options.pollInterval * 1e9))
            set = try await cfn.describeChangeSet(stack: stack, name: name)
        }
        if set.status == "FAILED" {
            let reason = (try? await cfn.changeSetStatusReason(stack: stack, name: name)) ?? nil
            try? await cfn.deleteChangeSet(stack: stack, name: name)
            if let reason, reason.contains("didn't contain changes") || reason.contains("No updates") {
                progress("change set for stack \(stack): no changes")
                return false
            }
            throw ApplyError("CloudFormation could not create change set \(name) for stack \(stack): \(reason ?? "no reason given")")
        }
        let text = render(set, stack: stack, name: name)
        guard options.approveChangeSet?(text) ?? true else {
            try? await cfn.deleteChangeSet(stack: stack, name: name)
            // A refused CREATE change set leaves an empty stack in REVIEW_IN_PROGRESS, which
            // would make the next plan see a stack: remove it (it holds no resources).
            if type == "CREATE", (try? await cfn.describeStack(stack))??.status == "REVIEW_IN_PROGRESS" { try? await cfn.deleteStack(stack) }
            throw ApplyError("change set \(name) for stack \(stack) was not approved; it was deleted and nothing changed",
                             hint: "run `bpctl apply --resume --change-set` to review it again")
        }
        progress("executing change set \(name) for stack \(stack)")
        try await cfn.executeChangeSet(stack: stack, name: name)
        return true
    }

    /// The change set's resource changes in the plan's symbols (+ add, ~ modify, - remove).
    static func render(_ set: CloudFormation.ChangeSet, stack: String, name: String) -> String {
        var out = "CloudFormation change set \(name) for stack \(stack):\n\n"
        let symbol = ["Add": "+", "Modify": "~", "Remove": "-", "Import": "<", "Dynamic": "?"]
        for c in set.changes.sorted(by: { $0.logicalID < $1.logicalID }) {
            out += "  \(symbol[c.action] ?? "?") \(c.logicalID) (\(c.type)): \(c.action.lowercased())\n"
        }
        let count = { (a: String) in set.changes.filter { $0.action == a }.count }
        out += "\nChange set: \(count("Add")) to add, \(count("Modify")) to change, \(count("Remove")) to remove.\n"
        return out
    }
}
