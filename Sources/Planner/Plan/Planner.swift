import AWSClient
import BlueprintKit
import Foundation
import GitKit

/// The one pipeline: blueprint → desired state; AWS (or saved facts) → live state; the last
/// committed blueprint → drift attribution; → changes, checks, cost → Plan.
public enum Planner {
    public struct Options: Sendable {
        public var bpctlVersion: String
        /// --region, when it overrides the blueprint's REGION.
        public var regionOverride: String?
        public var prices: PriceSource
        public var progress: ProgressSink?

        public init(bpctlVersion: String, regionOverride: String? = nil, prices: PriceSource = TablePrices(), progress: ProgressSink? = nil) {
            self.bpctlVersion = bpctlVersion
            self.regionOverride = regionOverride
            self.prices = prices
            self.progress = progress
        }
    }

    /// Where live facts come from: AWS, or the facts saved in an earlier plan (--refresh=false).
    public enum Facts: Sendable {
        case read(LiveSource)
        case saved(Plan.Live)
    }

    /// How many commits back a plan looks for the version that is deployed.
    public static let historyDepth = 50

    /// Plan a blueprint file. Validation is the caller's first step (a blueprint with errors is
    /// not planned); this only needs the file to parse.
    public static func plan(path: String, facts source: Facts, history: BlueprintHistory?, options: Options) async throws(PlanError) -> Plan {
        let (bytes, document) = try load(path)
        let desired = DesiredState(blueprint: Blueprint(document: document))
        let region = options.regionOverride ?? desired.region
        var committed: DesiredState?
        var earlier: [DesiredState] = []
        var git: Plan.Git?
        if let history, let relative = history.repositoryPath(of: path) {
            do {
                let old = try history.committedContents(of: path)
                committed = old.flatMap { try? Document.parse(path: path, bytes: $0).get() }.map { DesiredState(blueprint: Blueprint(document: $0)) }
                if committed != nil {
                    earlier = try history.committedVersions(of: path, limit: historyDepth).dropFirst()
                        .compactMap { try? Document.parse(path: path, bytes: $0).get() }.map { DesiredState(blueprint: Blueprint(document: $0)) }
                }
                git = Plan.Git(head: try history.head(), path: relative, committed: committed != nil)
            } catch let e as GitError {
                throw .git(e)
            } catch {
                throw .git(GitError(.other, "\(error)"))
            }
        }

        let facts: LiveFacts, request: ReadRequest
        switch source {
        case .read(let reader):
            request = ReadRequest(desired: desired, committed: committed, region: region)
            do {
                facts = try await reader.read(request, progress: options.progress)
            } catch let e as AWSError {
                throw .aws(e)
            } catch let e as PlanError {
                throw e
            } catch {
                throw .aws(.transport("\(error)", endpoint: region))
            }
        case .saved(let live):
            request = live.request
            facts = live.facts
        }
        if facts.stack == nil, let override = options.regionOverride, override != desired.region {
            throw .noStackInRegion(stack: desired.pipeline, region: override, blueprintRegion: desired.region)
        }

        let names = (desired.affiliates.map(\.name) + (committed?.affiliates.map(\.name) ?? [])).uniquedKeepingOrder()
        let live = LiveState(facts: facts, affiliates: names)
        let differ = Differ(desired: .init(pipeline: desired.pipeline, stage: desired.stage, resources: desired.resources),
                            live: .init(pipeline: facts.stackName, stage: live.stage, resources: live.resources),
                            committed: committed.map { .init(pipeline: $0.pipeline, stage: $0.stage, resources: $0.resources) },
                            earlier: earlier.map { .init(pipeline: $0.pipeline, stage: $0.stage, resources: $0.resources) })
        let deployedType = facts.functions[ResourceAddress.mainLambda]?.environment["INSTANCE_TYPE"]
        let cost = try await estimate(desired, previousType: deployedType, region: region, options.prices)
        return Plan(bpctlVersion: options.bpctlVersion, kind: .plan, pipeline: desired.pipeline, region: region, stage: desired.stage,
                    blueprint: .init(path: path, sha256: sha256(bytes)), git: git, changes: differ.changes(),
                    checks: LiveChecks.checks(desired: desired, facts: facts), cost: cost,
                    live: .init(request: request, facts: facts, fingerprints: facts.fingerprints))
    }

    /// `bpctl diff`: two blueprints, offline, rendered like a plan. `old`/`new` are (label, bytes);
    /// the label is a path or REV:path.
    public static func diff(old: (label: String, bytes: [UInt8]), new: (label: String, bytes: [UInt8]), options: Options) async throws(PlanError) -> Plan {
        let a = try parse(old.label, old.bytes), b = try parse(new.label, new.bytes)
        let before = DesiredState(blueprint: Blueprint(document: a)), after = DesiredState(blueprint: Blueprint(document: b))
        let differ = Differ(desired: .init(pipeline: after.pipeline, stage: after.stage, resources: after.resources),
                            live: .init(pipeline: before.pipeline, stage: before.stage, resources: before.resources),
                            committed: nil)
        let cost = try await estimate(after, previousType: before.instanceType, region: after.region, options.prices)
        return Plan(bpctlVersion: options.bpctlVersion, kind: .diff, pipeline: after.pipeline, region: after.region, stage: after.stage,
                    blueprint: .init(path: new.label, sha256: sha256(new.bytes)), base: .init(path: old.label, sha256: sha256(old.bytes)),
                    git: nil, changes: differ.changes(), checks: [], cost: cost, live: nil)
    }

    static func estimate(_ desired: DesiredState, previousType: String?, region: String, _ prices: PriceSource) async throws(PlanError) -> CostEstimate? {
        guard let type = desired.instanceType, !type.isEmpty else { return nil }
        do {
            return try await CostEstimate.estimate(instanceType: type, previousType: previousType, region: region,
                                                   maxCostUSD: desired.maxCostUSD, prices: prices)
        } catch let e as AWSError {
            throw .aws(e)
        } catch {
            throw .aws(.transport("\(error)", endpoint: "pricing"))
        }
    }

    static func load(_ path: String) throws(PlanError) -> ([UInt8], Document) {
        guard let data = FileManager.default.contents(atPath: path) else {
            var isDir: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDir)
            throw .unreadable(path: path, reason: !exists ? "no such file" : (isDir.boolValue ? "is a directory, not a blueprint file" : "cannot be read (permissions?)"))
        }
        let bytes = [UInt8](data)
        return (bytes, try parse(path, bytes))
    }

    static func parse(_ label: String, _ bytes: [UInt8]) throws(PlanError) -> Document {
        // REV:path labels: the syntax comes from the path part.
        let path = label.split(separator: ":", maxSplits: 1).last.map(String.init) ?? label
        switch Document.parse(path: label, bytes: bytes, syntax: Document.syntax(forPath: path)) {
        case .success(let d): return d
        case .failure(let e):
            let at = e.source.location(of: e.error.offset)
            throw .unreadable(path: "\(label):\(at.line):\(at.column)", reason: e.error.message + (e.error.hint.map { " (\($0))" } ?? ""))
        }
    }

    public static func sha256(_ bytes: [UInt8]) -> String { Crypto.hex(Crypto.sha256(bytes)) }
}
