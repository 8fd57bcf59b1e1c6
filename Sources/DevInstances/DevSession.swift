import AWSClient
import Foundation

/// One command's view of an analysis's dev instances: the blueprint, the state file, and the
/// pool members' live EC2 state from ONE DescribeInstances call. Members that no longer exist
/// (terminated, or gone from EC2) are dropped from the pool with a note, never a crash.
public final class DevSession: @unchecked Sendable {
    public let blueprint: DevBlueprint
    public let store: DevStateStore
    public let client: AWSClient
    public var state: DevState
    /// Live EC2 state of the pool members that exist, by id.
    public internal(set) var live: [String: EC2.DevInstance] = [:]
    public let options: DevOptions

    public var ec2: EC2 { EC2(client) }
    public var ssm: SSM { SSM(client) }
    public var s3: S3 { S3(client) }

    /// The pool holds at most this many instances per analysis (the Python tool's limit).
    public static let poolLimit = 4
    /// How long a new pool member may be missing from DescribeInstances before it counts as gone.
    static let visibilityGrace: TimeInterval = 300

    init(blueprint: DevBlueprint, store: DevStateStore, client: AWSClient, state: DevState, options: DevOptions) {
        self.blueprint = blueprint
        self.store = store
        self.client = client
        self.state = state
        self.options = options
    }

    /// Load the blueprint and the state, refresh the pool (one DescribeInstances when the pool is
    /// not empty), repair what no longer exists, and save the repair.
    public static func open(blueprint path: String, client: AWSClient, options: DevOptions = DevOptions()) async throws -> DevSession {
        try await open(blueprint: try DevBlueprint.load(path), client: client, options: options)
    }

    public static func open(blueprint bp: DevBlueprint, client: AWSClient, options: DevOptions = DevOptions()) async throws -> DevSession {
        let store = DevStateStore(blueprintDirectory: bp.directory)
        let s = DevSession(blueprint: bp, store: store, client: client, state: try store.load(), options: options)
        try await s.refresh()
        return s
    }

    func refresh() async throws {
        let ids = state.instances.map(\.id)
        guard !ids.isEmpty else { return }
        let found = try await ec2.describeDevInstances(filters: ["instance-id": ids])
        live = Dictionary(found.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var repaired = false
        for m in state.instances {
            let st = live[m.id]?.state
            guard st == nil || st == "terminated" || st == "shutting-down" else { continue }
            // EC2 is eventually consistent: a just-launched instance may not be listed yet.
            if st == nil, options.now().timeIntervalSince(m.added) < Self.visibilityGrace { continue }
            live[m.id] = nil
            state.instances.removeAll { $0.id == m.id }
            var note = "note: instance \(Self.label(m)) no longer exists (\(st ?? "unknown to EC2")); removed it from this analysis's pool"
            if state.selected == m.id {
                state.selected = nil
                note += "; no instance is selected now (select-instance, or launch-devinstance)"
            }
            options.log(note)
            repaired = true
        }
        if repaired { try save() }
    }

    public func save() throws { try store.save(state) }

    static func label(_ m: DevState.Member) -> String { m.name.map { "\(m.id) (\($0))" } ?? m.id }

    /// The selected instance, live; refuses when there is none.
    public func selected() throws -> (DevState.Member, EC2.DevInstance) {
        if let id = state.selected, state.member(id) != nil, live[id] == nil {
            throw DevError(.refused, "instance \(id) is not listed by EC2 yet (it was added moments ago)", hint: "try again in a few seconds")
        }
        guard let id = state.selected, let m = state.member(id), let i = live[id] else {
            throw DevError(.refused, "no dev instance is selected for this analysis",
                           hint: state.instances.isEmpty ? "launch one with launch-devinstance, or add one with assign-instance"
                                                         : "select one with select-instance -n NAME (list-instances shows the pool)")
        }
        return (m, i)
    }

    /// Refuse unless the instance is in one of `states`.
    func require(_ i: EC2.DevInstance, in states: Set<String>, to action: String, hint: String) throws {
        guard states.contains(i.state) else {
            throw DevError(.refused, "cannot \(action): instance \(i.id) is \(i.state)", hint: hint)
        }
    }

    func checkPoolRoom() throws {
        guard state.instances.count < Self.poolLimit else {
            let names = state.instances.map(Self.label).joined(separator: ", ")
            throw DevError(.refused, "this analysis already has \(Self.poolLimit) dev instances (\(names))",
                           hint: "terminate one with terminate-devinstance (select it first), then try again")
        }
    }

    /// Poll until `done` holds for the instance, reporting progress; fails after options.waitLimit.
    func wait(for id: String, until what: String, _ done: (EC2.DevInstance) -> Bool) async throws -> EC2.DevInstance {
        let start = options.now()
        var last = ""
        while true {
            if let i = try await ec2.describeDevInstances(filters: ["instance-id": [id]]).first {
                if done(i) { return i }
                if i.state != last { options.log("  \(id): \(i.state), waiting until \(what)…"); last = i.state }
            }
            if options.now().timeIntervalSince(start) > options.waitLimit {
                throw DevError(.check, "instance \(id) is not \(what) after \(Int(options.waitLimit)) s",
                               hint: "check it in the EC2 console; list-instances shows its state")
            }
            try await Task.sleep(nanoseconds: UInt64(options.pollInterval * 1e9))
        }
    }
}

/// Knobs that differ between the CLIs, tests and benchmarks.
public struct DevOptions: Sendable {
    public var pollInterval: Double
    public var waitLimit: Double
    public var log: @Sendable (String) -> Void
    public var now: @Sendable () -> Date

    public init(pollInterval: Double = 5, waitLimit: Double = 900, log: @escaping @Sendable (String) -> Void = { _ in },
                now: @escaping @Sendable () -> Date = { Date() }) {
        self.pollInterval = pollInterval
        self.waitLimit = waitLimit
        self.log = log
        self.now = now
    }
}
