import AWSClient
import Foundation

/// Function changes through CloudFormation, the engine that owns the functions: read the
/// deployed template, change only the planned properties, UpdateStack, and wait for the update
/// to complete or roll back (then name the failing resource and CloudFormation's reason).
enum StackUpdate {
    static let capabilities = ["CAPABILITY_IAM", "CAPABILITY_NAMED_IAM", "CAPABILITY_AUTO_EXPAND"]

    static func run(stack: String, changes: [ApplyStep.FunctionChange], substacks: [String: [String: String]]?, client: AWSClient,
                    options: ApplyRun.Options, progress: @Sendable (String) -> Void) async throws {
        let cfn = CloudFormation(client)
        let pollInterval = options.pollInterval, timeout = options.stackTimeout
        // A resumed run may find its own update still running: wait for it first.
        if let s = try await cfn.describeStack(stack), s.status.hasSuffix("_IN_PROGRESS") {
            try await wait(stack, cfn, pollInterval: pollInterval, timeout: timeout, progress: progress)
        }
        let body = try await cfn.getTemplate(stack)
        let template = try edited(body, stack: stack, changes: changes, substacks: substacks)
        if options.changeSet {
            guard try await ChangeSetReview.run(stack: stack, template: template, type: "UPDATE", client: client, options: options, progress: progress) else { return }
            return try await wait(stack, cfn, pollInterval: pollInterval, timeout: timeout, progress: progress)
        }
        do {
            try await cfn.updateStack(stack, template: template, capabilities: capabilities)
        } catch AWSError.service(let e) where e.message.contains("No updates are to be performed") {
            progress("stack \(stack) already has these values (an interrupted run applied them)")
            return
        }
        try await wait(stack, cfn, pollInterval: pollInterval, timeout: timeout, progress: progress)
    }

    /// The deployed template with only the planned function properties changed, and under
    /// websubstack the UserSubstack<i> resources made to match the affiliate list (new ones
    /// copy TemplateURL, DependsOn and MakeFuncArn from an existing one).
    static func edited(_ body: String, stack: String, changes: [ApplyStep.FunctionChange], substacks: [String: [String: String]]? = nil) throws -> String {
        // JSON first (what the deploy script leaves); YAML (`sam deploy` of a packaged template)
        // is read with its short-form intrinsics and sent back as the equivalent JSON.
        let parsed = (try? JSONSerialization.jsonObject(with: Data(body.utf8))) ?? (try? CloudFormationYAML.load(body))
        guard var template = parsed as? [String: Any], var resources = template["Resources"] as? [String: Any] else {
            throw ApplyError("the deployed template of stack \(stack) is neither a JSON nor a YAML template with Resources; bpctl apply cannot edit it",
                             hint: "deploy this change with the NeuroCAAS deploy script")
        }
        for change in changes {
            guard var function = resources[change.logicalID] as? [String: Any] else {
                throw ApplyError("stack \(stack) has no resource \(change.logicalID) in its template")
            }
            var properties = function["Properties"] as? [String: Any] ?? [:]
            var environment = properties["Environment"] as? [String: Any] ?? [:]
            var variables = environment["Variables"] as? [String: Any] ?? [:]
            for (key, value) in change.environment {
                if let value { variables[key] = value } else { variables.removeValue(forKey: key) }
            }
            environment["Variables"] = variables
            properties["Environment"] = environment
            if let handler = change.handler { properties["Handler"] = handler }
            if let timeout = change.timeout { properties["Timeout"] = timeout }
            function["Properties"] = properties
            resources[change.logicalID] = function
        }
        if let substacks {
            let existing = resources.keys.filter { $0.hasPrefix("UserSubstack") && Int($0.dropFirst("UserSubstack".count)) != nil }
            guard let prototype = existing.sorted().first.flatMap({ resources[$0] as? [String: Any] }) else {
                throw ApplyError("stack \(stack) has no UserSubstack nested stack to copy for the affiliates",
                                 hint: "deploy affiliate changes of this analysis with the NeuroCAAS deploy script")
            }
            for id in existing where substacks[id] == nil { resources.removeValue(forKey: id) }
            for (id, parameters) in substacks {
                var resource = resources[id] as? [String: Any] ?? prototype
                var properties = resource["Properties"] as? [String: Any] ?? [:]
                var merged = properties["Parameters"] as? [String: Any] ?? [:]
                for (k, v) in parameters { merged[k] = v }
                properties["Parameters"] = merged
                resource["Properties"] = properties
                resources[id] = resource
            }
        }
        template["Resources"] = resources
        let data = try JSONSerialization.data(withJSONObject: template, options: [.sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }

    static func wait(_ stack: String, _ cfn: CloudFormation, operation: String = "update", pollInterval: TimeInterval, timeout: TimeInterval,
                     progress: @Sendable (String) -> Void) async throws {
        let start = Date()
        while true {
            guard let s = try await cfn.describeStack(stack) else { throw ApplyError("stack \(stack) disappeared during the \(operation)") }
            let elapsed = Int(Date().timeIntervalSince(start))
            if s.status == "UPDATE_COMPLETE" || s.status == "CREATE_COMPLETE" {
                progress("stack \(stack): \(s.status) (\(elapsed) s)")
                return
            }
            if s.status.contains("ROLLBACK") || s.status.hasSuffix("_FAILED") {
                let cause = await failure(stack, cfn)
                throw ApplyError("CloudFormation rolled back the \(operation) of stack \(stack) (\(s.status)): \(cause)",
                                 hint: operation == "update" ? "the stack is as it was; fix the cause, plan again and apply"
                                     : "fix the cause, delete the rolled-back stack (aws cloudformation delete-stack --stack-name \(stack)), plan again and apply")
            }
            progress("stack \(stack): \(s.status) (\(elapsed) s)")
            if Date().timeIntervalSince(start) + pollInterval > timeout {
                throw ApplyError("stack \(stack) is still \(s.status) after \(Int(timeout)) s", hint: "run `bpctl apply --resume` to keep waiting")
            }
            try await Task.sleep(nanoseconds: UInt64(pollInterval * 1e9))
        }
    }

    /// The first failing resource of the stack's events (newest first), with CloudFormation's reason.
    static func failure(_ stack: String, _ cfn: CloudFormation) async -> String {
        let events = (try? await cfn.describeStackEvents(stack)) ?? []
        let failed = events.first { $0.status.hasSuffix("_FAILED") && $0.logicalID != stack }
        return failed.map { "\($0.logicalID) \($0.status): \($0.reason ?? "no reason given")" } ?? "no failing resource reported"
    }
}
