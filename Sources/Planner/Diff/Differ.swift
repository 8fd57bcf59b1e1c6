/// Desired resources against live (or old) ones → changes, attribute by attribute, with
/// dangers named and each difference attributed to the blueprint or to AWS (drift).
public struct Differ: Sendable {
    public struct Side: Sendable {
        public let pipeline: String
        public let stage: String?
        public let resources: [ResourceState]

        public init(pipeline: String, stage: String?, resources: [ResourceState]) {
            self.pipeline = pipeline
            self.stage = stage
            self.resources = resources
        }

        func resource(_ address: String) -> ResourceState? { resources.first { $0.address == address } }
    }

    public let desired: Side
    /// What is deployed (plan) or the old blueprint (diff).
    public let live: Side
    /// The last committed blueprint: the last known desired state (nil: no history).
    public let committed: Side?
    /// Older committed versions, newest first: a live value found there is a blueprint change
    /// committed but not deployed yet, not drift.
    public let earlier: [Side]

    public init(desired: Side, live: Side, committed: Side?, earlier: [Side] = []) {
        self.desired = desired
        self.live = live
        self.committed = committed
        self.earlier = earlier
    }

    /// Attributes whose change replaces the resource rather than updating it.
    static let replacing: Set<String> = ["group", "substack"]

    public func changes() -> [Change] {
        let stackAddress = ResourceAddress.stack(desired.pipeline)
        // A different PipelineName is a different stack: nothing of the old one carries over.
        let sameStack = live.resource(stackAddress) != nil
        let liveResources = sameStack ? live.resources : []
        var out: [Change] = []
        for d in desired.resources {
            out.append(change(d, liveResources.first { $0.address == d.address }))
        }
        for l in liveResources where !desired.resources.contains(where: { $0.address == l.address }) {
            out.append(deletion(l))
        }
        return out
    }

    private func change(_ d: ResourceState, _ l: ResourceState?) -> Change {
        let c = committed?.pipeline == desired.pipeline ? committed?.resource(d.address) : nil
        var attributes: [AttributeChange] = []
        var names = d.attributes.map(\.name)
        for a in l?.attributes ?? [] where !names.contains(a.name) { names.append(a.name) }
        for name in names {
            let after = d.attribute(name)
            let afterValue = after?.value ?? .null
            let beforeValue = l?.value(name) ?? .null
            if l != nil, afterValue == .unknown || beforeValue == .unknown || afterValue == beforeValue { continue }
            if l == nil, afterValue == .null { continue }
            let committedValue: PlanValue? = committed == nil ? nil : (c?.value(name) ?? .null)
            attributes.append(AttributeChange(
                name: name, before: l == nil ? .null : beforeValue, after: afterValue,
                origin: deployedFromHistory(d.address, name, beforeValue, exists: l != nil) ? .blueprint
                    : Self.origin(desired: afterValue, live: beforeValue, committed: committedValue, liveExists: l != nil, committedExists: c != nil),
                pointer: after?.pointer,
                statements: name == "policy" ? PolicyDocument.diff(Self.text(beforeValue), Self.text(afterValue)) : nil))
        }
        guard l != nil else {
            return Change(address: d.address, type: d.type, action: .create, reason: createReason(d), attributes: attributes, dangers: createDangers(d))
        }
        if attributes.isEmpty { return Change(address: d.address, type: d.type, action: .noOp, attributes: []) }
        let replaced = attributes.filter { Self.replacing.contains($0.name) }
        let action: Change.Action = replaced.isEmpty ? .update : .replace
        return Change(address: d.address, type: d.type, action: action, reason: replaceReason(replaced), attributes: attributes,
                      dangers: updateDangers(d, attributes))
    }

    /// Whether AWS holds the value of an older committed version (deployed before the blueprint
    /// changed, so the difference is the blueprint's).
    private func deployedFromHistory(_ address: String, _ name: String, _ live: PlanValue, exists: Bool) -> Bool {
        exists && earlier.contains { $0.pipeline == desired.pipeline && $0.resource(address).map { ($0.value(name) ?? .null) == live } == true }
    }

    /// Drift rule: a difference is the blueprint's when AWS still holds the last committed value
    /// (or there is no history); otherwise AWS was changed outside bpctl.
    static func origin(desired: PlanValue, live: PlanValue, committed: PlanValue?, liveExists: Bool, committedExists: Bool) -> AttributeChange.Origin {
        guard let committed else { return .blueprint }
        if !liveExists { return committedExists && committed != .null ? .outside : .blueprint }
        return live == committed ? .blueprint : .outside
    }

    private func deletion(_ l: ResourceState) -> Change {
        let attributes = l.attributes.filter { $0.value != .null }.map { AttributeChange(name: $0.name, before: $0.value, after: .null) }
        var dangers: [String] = []
        var reason = "not in the blueprint"
        if l.type == ResourceAddress.affiliateType {
            reason = "not in the blueprint's affiliates"
            if live.stage == "websubstack", let lastIndex = Self.substackIndex(l.value("substack")),
               lastIndex < live.resources.compactMap({ Self.substackIndex($0.value("substack")) }).max() ?? 0 {
                dangers.append("removing an affiliate that is not the last one under websubstack shifts every later affiliate to another nested stack: their groups are replaced and may collide (blueprint-reference §4.5)")
            }
            dangers.append("the affiliate's group and memberships are deleted; its folders and data stay in the bucket")
        }
        if l.type == ResourceAddress.stackType {
            dangers.append("deleting the stack empties the bucket: all user data is lost (blueprint-reference §4.3)")
        }
        return Change(address: l.address, type: l.type, action: .delete, reason: reason, attributes: attributes, dangers: dangers)
    }

    private func createReason(_ d: ResourceState) -> String {
        if d.type == ResourceAddress.stackType { return live.resources.isEmpty ? "no stack of this name in the region" : "PipelineName names a new stack" }
        if live.resource(ResourceAddress.stack(desired.pipeline)) == nil { return "part of the new stack" }
        return "not deployed yet"
    }

    private func createDangers(_ d: ResourceState) -> [String] {
        guard d.type == ResourceAddress.stackType else { return [] }
        let old = [live.resources.first { $0.type == ResourceAddress.stackType }.map { Self.name(of: $0.address) }, committed?.pipeline]
            .compactMap { $0 }.first { $0 != desired.pipeline }
        guard let old else { return [] }
        return ["PipelineName changed from \"\(old)\" to \"\(desired.pipeline)\": the deploy creates a new stack and bucket; the old stack \"\(old)\" keeps running and billing until it is deleted, and its users' data stays there"]
    }

    private func replaceReason(_ replaced: [AttributeChange]) -> String? {
        guard !replaced.isEmpty else { return nil }
        if replaced.contains(where: { $0.name == "group" }) { return "the group name changed with STAGE or PipelineName, and IAM cannot rename a group" }
        return "its position in the affiliate list changed; nested stack parameters go by position"
    }

    private func updateDangers(_ d: ResourceState, _ attributes: [AttributeChange]) -> [String] {
        var dangers: [String] = []
        if d.type == ResourceAddress.stackType, let stage = attributes.first(where: { $0.name == "stage" }) {
            dangers.append("STAGE changes from \(stage.before.display) to \(stage.after.display): the group naming and the stack's shape change, so every affiliate group is replaced (blueprint-reference §4.2, §4.9)")
        }
        if d.type == ResourceAddress.affiliateType, let moved = attributes.first(where: { $0.name == "substack" }), moved.before != .null, moved.after != .null {
            dangers.append("affiliate moves from \(moved.before.display) to \(moved.after.display): removing or reordering affiliates under websubstack replaces the nested stack's group; the old and new group names can collide and fail the update (blueprint-reference §4.5)")
        }
        if let policy = attributes.first(where: { $0.name == "policy" }), policy.before != .null, policy.after != .null {
            dangers.append("the affiliate's access policy changes: review the statements below")
        }
        return dangers
    }

    static func substackIndex(_ v: PlanValue?) -> Int? {
        guard case .string(let s)? = v else { return nil }
        return AWSLiveReader.substackIndex(s)
    }

    static func text(_ v: PlanValue) -> String? {
        if case .string(let s) = v { return s }
        return nil
    }

    static func name(of address: String) -> String {
        guard let open = address.firstIndex(of: "\""), let close = address.lastIndex(of: "\""), open < close else { return address }
        return String(address[address.index(after: open)..<close])
    }
}
