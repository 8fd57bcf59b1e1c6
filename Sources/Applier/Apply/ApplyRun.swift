import AWSClient
import BlueprintKit
import Foundation
import Planner

/// `bpctl apply`: carry out a plan's steps in order under the analysis lock, journaling each one
/// as soon as AWS has done it, so `resume` continues an interrupted or failed run and does
/// nothing twice. Steps are idempotent where AWS allows (an existing group or membership counts
/// as done), so a step that ran but was not journaled is safe to repeat.
public enum ApplyRun {
    public struct Options: Sendable {
        public var resume = false
        public var lockTimeout: TimeInterval = 0
        public var pollInterval: TimeInterval = 5
        public var stackTimeout: TimeInterval = 3600
        /// Fault injection for tests: stop (as if interrupted) once this many steps are journaled.
        public var stopAfterSteps: Int?
        /// Where a new analysis's code goes (`--artifact-bucket` or `.bpctl.yaml`).
        public var artifactBucket: String?
        /// Review stack changes as a CloudFormation change set before executing them.
        public var changeSet = false
        /// Shown the rendered change set; true executes it (nil: approved, as --auto-approve).
        public var approveChangeSet: (@Sendable (String) -> Bool)?
        /// Set (by a signal handler) to stop cleanly after the current step.
        public var interrupted: (@Sendable () -> Bool)?
        public init() {}
    }

    public struct Outcome: Sendable {
        public let steps: [ApplyStep]
        public let done: [String]
        public let skipped: [String]

        public init(steps: [ApplyStep], done: [String], skipped: [String]) {
            self.steps = steps
            self.done = done
            self.skipped = skipped
        }

        /// `bpctl apply --json`: every step with its id, description and whether this run did it
        /// or an earlier, interrupted one had.
        public func json() -> String {
            let rows: [[String: String]] = steps.map { step in
                ["id": step.id, "step": step.description,
                 "status": done.contains(step.id) ? "done" : (skipped.contains(step.id) ? "done-earlier" : "not-run")]
            }
            let doc: [String: Any] = ["format_version": "1.0", "complete": done.count + skipped.count == steps.count, "steps": rows]
            let data = (try? JSONSerialization.data(withJSONObject: doc, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
            return String(decoding: data, as: UTF8.self) + "\n"
        }
    }

    public static func apply(_ plan: Plan, client: AWSClient, options: Options = Options(),
                             progress: @Sendable (String) -> Void = { _ in }) async throws -> Outcome {
        let blueprint = plan.blueprint.path
        let document: Document
        switch Document.load(path: blueprint) {
        case .success(let d): document = d
        case .failure(let e): throw ApplyError("\(blueprint):\(e.source.location(of: e.error.offset)): \(e.error.message)")
        }
        let steps = try ApplySteps.from(plan, desired: DesiredState(blueprint: Blueprint(document: document)), artifactBucket: options.artifactBucket)
        let lock = try ApplyLock.acquire(blueprint: blueprint, operation: "apply", timeout: options.lockTimeout)
        defer { lock.release() }
        let journal = try Journal.begin(blueprint: blueprint, operation: "apply",
                                        subject: ["plan": plan.blueprint.sha256, "steps": String(steps.count)], resume: options.resume)
        var done: [String] = [], skipped: [String] = []
        do {
            for (i, step) in steps.enumerated() {
                if journal.completed(step.id) != nil {
                    skipped.append(step.id)
                    continue
                }
                if options.interrupted?() ?? false {
                    throw ApplyError("interrupted before step \(i + 1) of \(steps.count) (\(step))", hint: "run `bpctl apply --resume` to continue")
                }
                let start = Date()
                progress("[\(i + 1)/\(steps.count)] \(step)…")
                try await perform(step, client: client, options: options, progress: progress)
                try journal.record(step.id, result: ["step": step.description])
                done.append(step.id)
                progress("[\(i + 1)/\(steps.count)] \(step): done (\(String(format: "%.1f", Date().timeIntervalSince(start))) s)")
                if let stop = options.stopAfterSteps, done.count >= stop {
                    throw ApplyError("stopped after step \(i + 1) (\(step)) by the test switch", hint: "run `bpctl apply --resume`")
                }
            }
            try journal.complete()
        } catch {
            try? journal.fail("\(error)")
            throw ApplyError("\((error as? ApplyError)?.message ?? "\(error)") (stopped \(journal.progressSummary))",
                             hint: (error as? ApplyError)?.hint ?? "fix the cause, then `bpctl apply --resume` continues where it stopped")
        }
        return Outcome(steps: steps, done: done, skipped: skipped)
    }

    static func perform(_ step: ApplyStep, client: AWSClient, options: Options, progress: @Sendable (String) -> Void) async throws {
        let iam = IAM(client)
        switch step {
        case .updateStack(let stack, let changes, let substacks):
            try await StackUpdate.run(stack: stack, changes: changes, substacks: substacks, client: client, options: options, progress: progress)
        case .uploadArtifacts(let creation):
            try await StackCreate.upload(creation, client: client, progress: progress)
        case .createStack(let creation):
            try await StackCreate.run(creation, client: client, options: options, progress: progress)
        case .createGroup(let g):
            try await tolerating("EntityAlreadyExists") { try await iam.createGroup(g) }
        case .putGroupPolicy(let g, let n, let doc):
            try await iam.putGroupPolicy(group: g, name: n, document: doc)
        case .addUser(let u, let g):
            try await iam.addUserToGroup(user: u, group: g)
        case .removeUser(let u, let g):
            try await tolerating("NoSuchEntity") { try await iam.removeUserFromGroup(user: u, group: g) }
        case .createFolder(let b, let k):
            try await S3(client).putObject(bucket: b, key: k, body: [])
        case .deleteGroupPolicy(let g, let n):
            try await tolerating("NoSuchEntity") { try await iam.deleteGroupPolicy(group: g, name: n) }
        case .deleteGroup(let g):
            try await tolerating("NoSuchEntity") { try await iam.deleteGroup(g) }
        }
    }

    /// An error code that means the step's effect is already there (a repeated step).
    static func tolerating(_ code: String, _ body: () async throws -> Void) async throws {
        do { try await body() } catch AWSError.service(let e) where e.code == code {}
    }
}
