import BlueprintKit
import Foundation
import Planner

/// What `bpctl apply INPUT` carries out, decided before anything changes: a saved plan that is
/// still current, or a fresh plan of a blueprint that validates without errors. The command
/// only prints and asks; the decisions live here so library tests reach them.
public enum ApplyInput {
    /// Why an input is not applied. `description` is the sentence the command prints.
    public enum Refusal: Error, Sendable, CustomStringConvertible {
        /// The input cannot be read, or the blueprint does not parse: a usage error (exit 2).
        case unreadable(String)
        /// A saved plan whose blueprint, git HEAD or live facts moved since it was made.
        case stale(path: String, reasons: [StaleReason])
        /// The blueprint has errors; `report` is what `bpctl validate` prints for it.
        case invalid(path: String, report: ValidationReport)
        /// Git, AWS or the planner failed.
        case failed(String)

        public var isUsageError: Bool { if case .unreadable = self { return true } else { return false } }

        public var description: String {
            switch self {
            case .unreadable(let message): return message
            case .stale(let path, let reasons):
                return "the saved plan \(path) is stale, so it was not applied:\n" + reasons.map { "  - \($0)\n" }.joined() + "Run 'bpctl plan' again."
            case .invalid(let path, _):
                return "\(path) has errors; a blueprint with errors is not applied (fix them, see 'bpctl validate')"
            case .failed(let message): return message
            }
        }
    }

    /// Where live facts come from for a region (AWS in the command, fixed facts in tests).
    public typealias LiveSourceForRegion = @Sendable (String) -> LiveSource

    /// The input's bytes, or `.unreadable` naming the path.
    public static func read(_ path: String) throws(Refusal) -> Data {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable("cannot read \(path): no such file or not readable")
        }
        return data
    }

    /// The blueprint at `path`, or `.unreadable` naming where it does not parse (file:line:col).
    public static func blueprint(_ path: String) throws(Refusal) -> Document {
        switch Document.load(path: path) {
        case .success(let doc): return doc
        case .failure(let e): throw .unreadable("\(path):\(e.source.location(of: e.error.offset)): \(e.error.message)")
        }
    }

    /// The saved plan in `data`, or nil when the input is not a plan (then it is a blueprint).
    public static func savedPlan(_ data: Data) -> Plan? { try? Plan.decode(data) }

    /// A saved plan is applied only while it is current. On `--resume` the live facts are not
    /// compared: the interrupted run moved them by our own hand, and the journal skips what it
    /// did; the blueprint and HEAD are still checked.
    public static func checkSaved(_ plan: Plan, path: String, resume: Bool, live: LiveSourceForRegion) async throws(Refusal) {
        let history = try? GitHistory(containing: plan.blueprint.path)
        let source = resume ? nil : plan.live.map { live($0.request.region) }
        let reasons: [StaleReason]
        do { reasons = try await Staleness.check(plan, history: history, live: source) } catch { throw .failed(error.description) }
        if !reasons.isEmpty { throw .stale(path: path, reasons: reasons) }
    }

    /// Validate the blueprint (errors refuse it before any AWS call), then plan it against the
    /// live state of its region (or `regionOverride`).
    public static func planBlueprint(path: String, regionOverride: String?, bpctlVersion: String,
                                     progress: ProgressSink?, live: LiveSourceForRegion) async throws(Refusal) -> Plan {
        let document = try blueprint(path)
        let report = Validator.validate(inputs: [(path: path, bytes: document.source.bytes)])
        if report.errors > 0 { throw .invalid(path: path, report: report) }
        let history: BlueprintHistory?
        do { history = try GitHistory(containing: path) } catch { throw .failed("git: \(error)") }
        let region = regionOverride ?? Blueprint(document: document).regionValue ?? "us-east-1"
        do {
            return try await Planner.plan(path: path, facts: .read(live(region)), history: history,
                                          options: .init(bpctlVersion: bpctlVersion, regionOverride: regionOverride, progress: progress))
        } catch { throw .failed(error.description) }
    }
}
