import AWSClient
import BlueprintKit
import Foundation
import GitKit

/// `bpctl ami create`: an image of a dev instance, tagged with where it came from, waited for
/// until `available`, then (with a blueprint) written into it with two commits. With a blueprint
/// the run holds the analysis lock and journals each step, so an interrupted or timed-out run
/// continues with `resume` instead of making a second image.
public enum AMIUpdate {
    public struct Request: Sendable {
        public var instanceID: String
        public var name: String?
        public var blueprint: String?
        public var message: String?
        public var noReboot = false
        public var timeout: TimeInterval = 3600
        public var pollInterval: TimeInterval = 15
        public var lockTimeout: TimeInterval = 0
        public var resume = false
        /// Fault injection for tests: stop (as if interrupted) once this many steps are journaled.
        public var stopAfterSteps: Int?

        public init(instanceID: String, name: String? = nil, blueprint: String? = nil, message: String? = nil) {
            self.instanceID = instanceID
            self.name = name
            self.blueprint = blueprint
            self.message = message
        }
    }

    public struct Outcome: Sendable {
        public let imageID: String
        public let name: String
        public let tags: [String: String]
        public let blueprint: BlueprintAMIUpdate.Outcome?
        /// Steps skipped because an earlier run had finished them.
        public let resumedSteps: [String]
    }

    /// Tag keys on every image bpctl makes; `bpctl ami list` finds a pipeline's images by the first.
    public enum Tag {
        public static let pipeline = "bpctl:pipeline"
        public static let blueprint = "bpctl:blueprint"
        public static let gitHead = "bpctl:git-head"
        public static let sourceInstance = "bpctl:source-instance"
        public static let creator = "bpctl:created-by"
        public static let created = "bpctl:created-at"
    }

    static let steps = ["create-image", "image-available", "blueprint"]

    public static func createAndRecord(_ request: Request, client: AWSClient,
                                       progress: @Sendable (String) -> Void = { _ in }) async throws -> Outcome {
        // Everything local is checked before the first AWS call, so a git problem never leaves an
        // image behind with nothing recording it.
        var pipeline: String?
        var relativeBlueprint: String?
        var head: String?
        var lock: ApplyLock?
        var journal: Journal?
        if let blueprint = request.blueprint {
            let (document, repo) = try BlueprintAMIUpdate(blueprint: blueprint).preflight()
            pipeline = document.root["PipelineName"]?.string
            relativeBlueprint = repo.relativePath(blueprint)
            head = try? repo.headCommitID()
            lock = try ApplyLock.acquire(blueprint: blueprint, operation: "ami create --instance \(request.instanceID)",
                                         timeout: request.lockTimeout)
            journal = try Journal.begin(blueprint: blueprint, operation: "ami create",
                                        subject: ["instance": request.instanceID, "blueprint": relativeBlueprint ?? blueprint],
                                        resume: request.resume)
        }
        defer { lock?.release() }
        var resumed: [String] = []
        var recorded = 0
        func checkpoint(_ step: String, _ result: [String: String]) throws {
            try journal?.record(step, result: result)
            recorded += 1
            if let stop = request.stopAfterSteps, recorded >= stop {
                throw ApplyError("stopped after step \(recorded) (\(step)) by the test switch", hint: "run again with --resume")
            }
        }
        do {
            let ec2 = EC2(client)
            let image: String
            let name: String
            var tags: [String: String] = [:]
            if let done = journal?.completed("create-image"), let id = done["image"] {
                image = id
                name = done["name"] ?? id
                resumed.append("create-image")
                progress("resuming: image \(id) was created by the interrupted run")
            } else {
                let me = try await STS(client).getCallerIdentity()
                let instances: [EC2.Instance]
                do { instances = try await ec2.describeInstances(ids: [request.instanceID]) } catch let error as AWSError {
                    throw ApplyError("instance \(request.instanceID) cannot be read in \(client.region): \(error)",
                                     hint: "check the id (`bpctl dev list` or the EC2 console) and the region")
                }
                guard instances.contains(where: { $0.id == request.instanceID }) else {
                    throw ApplyError("instance \(request.instanceID) does not exist in \(client.region)")
                }
                let now = Date()
                name = request.name ?? defaultName(pipeline: pipeline, instance: request.instanceID, date: now)
                tags = [Tag.sourceInstance: request.instanceID, Tag.creator: me.arn, Tag.created: StateDirectory.timestamp(now)]
                if let pipeline { tags[Tag.pipeline] = pipeline }
                if let relativeBlueprint { tags[Tag.blueprint] = relativeBlueprint }
                if let head { tags[Tag.gitHead] = head }
                progress("creating an image of \(request.instanceID) named \(name)")
                image = try await ec2.createImage(instanceID: request.instanceID, name: name,
                                                  description: "AMI created at \(BlueprintAMIUpdate.pythonDateTime(now)) by bpctl from \(request.instanceID)",
                                                  noReboot: request.noReboot, tags: tags)
                try checkpoint("create-image", ["image": image, "name": name])
            }
            if journal?.completed("image-available") != nil {
                resumed.append("image-available")
            } else {
                try await waitUntilAvailable(ec2, image: image, timeout: request.timeout, interval: request.pollInterval, progress: progress)
                try checkpoint("image-available", ["image": image])
            }
            var update: BlueprintAMIUpdate.Outcome?
            if let blueprint = request.blueprint {
                if let done = journal?.completed("blueprint") {
                    resumed.append("blueprint")
                    update = .init(previousAMI: done["previous"], ami: image, beforeCommit: done["before"] ?? "", afterCommit: done["after"])
                } else {
                    let outcome = try BlueprintAMIUpdate(blueprint: blueprint).apply(ami: image, message: request.message)
                    update = outcome
                    var result = ["before": outcome.beforeCommit]
                    if let after = outcome.afterCommit { result["after"] = after }
                    if let previous = outcome.previousAMI { result["previous"] = previous }
                    try checkpoint("blueprint", result)
                }
            }
            try journal?.complete()
            if tags.isEmpty { tags = (try? await ec2.describeImageDetails(ids: [image]).first?.tags) ?? [:] }
            return Outcome(imageID: image, name: name, tags: tags, blueprint: update, resumedSteps: resumed)
        } catch {
            try? journal?.fail("\(error)")
            if let journal {
                throw ApplyError("\(message(of: error)) (stopped \(journal.progressSummary))",
                                 hint: (error as? ApplyError)?.hint ?? "run the same command with --resume to continue where it stopped")
            }
            throw error
        }
    }

    /// Poll until the image is available; `failed` and timeouts are errors naming the image.
    static func waitUntilAvailable(_ ec2: EC2, image: String, timeout: TimeInterval, interval: TimeInterval,
                                   progress: @Sendable (String) -> Void) async throws {
        let start = Date()
        while true {
            let detail = try await ec2.describeImageDetails(ids: [image]).first
            let state = detail?.state ?? "unknown"
            let elapsed = Int(Date().timeIntervalSince(start))
            switch state {
            case "available":
                progress("image \(image) is available (\(elapsed) s)")
                return
            case "failed", "invalid", "deregistered", "error":
                throw ApplyError("image \(image) is \(state)" + (detail?.stateReason.map { ": \($0)" } ?? " (AWS gave no reason)"),
                                 hint: "check the instance's volumes and state in the EC2 console, then create the image again")
            default:
                progress("waiting for image \(image): \(state) (\(elapsed) s)")
            }
            if Date().timeIntervalSince(start) + interval > timeout {
                throw ApplyError("image \(image) is still \(state) after \(Int(timeout)) s",
                                 hint: "run the same command with --resume to keep waiting (the image is not created twice), or raise --timeout")
            }
            try await Task.sleep(nanoseconds: UInt64(interval * 1e9))
        }
    }

    /// "<pipeline>-20261125-162000": AMI names must be unique and use only [A-Za-z0-9()[] ./'@_-].
    static func defaultName(pipeline: String?, instance: String, date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyyMMdd-HHmmss"
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789()[] ./'@_-")
        let base = String((pipeline ?? instance).map { allowed.contains($0) ? $0 : "-" }.prefix(100))
        return "\(base)-\(f.string(from: date))"
    }

    private static func message(of error: Error) -> String {
        (error as? ApplyError)?.message ?? "\(error)"
    }
}
