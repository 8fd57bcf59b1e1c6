import AWSClient
import Foundation

/// The per-analysis pool: assign an existing instance, select one, list them.
extension DevSession {
    public func assign(id: String, name: String?, description: String?) async throws -> EC2.DevInstance {
        if state.member(id) != nil { throw DevError(.usage, "\(id) is already in this analysis's pool", hint: "select it with select-instance -i \(id)") }
        if let n = name, state.instances.contains(where: { $0.name == n }) {
            throw DevError(.usage, "this analysis already has an instance named '\(n)'", hint: "choose another --name")
        }
        try checkPoolRoom()
        let found: EC2.DevInstance?
        do {
            found = try await ec2.describeDevInstances(filters: ["instance-id": [id]]).first
        } catch AWSError.service(let e) where e.code.hasPrefix("InvalidInstanceID") {
            found = nil
        }
        guard let i = found, i.state != "terminated", i.state != "shutting-down" else {
            throw DevError(.usage, "no instance \(id) in \(client.region)\(found.map { " (it is \($0.state))" } ?? "")",
                           hint: "check the id and the region (--region, AWS_REGION)")
        }
        state.instances.append(.init(id: id, name: name, description: description, origin: "assigned", added: options.now()))
        state.selected = id
        live[id] = i
        try save()
        return i
    }

    /// By name or by id; both given must agree.
    public func select(name: String?, id: String?) throws -> DevState.Member {
        guard name != nil || id != nil else { throw DevError(.usage, "give the instance's name (-n) or id (-i)") }
        let known = state.instances.map(Self.label).joined(separator: ", ")
        let hint = state.instances.isEmpty ? "the pool is empty: launch-devinstance or assign-instance" : "the pool holds: \(known)"
        var candidates = state.instances
        if let id { candidates = candidates.filter { $0.id == id } }
        if let name { candidates = candidates.filter { $0.name == name } }
        guard let m = candidates.first else {
            let what = [name.map { "named '\($0)'" }, id].compactMap { $0 }.joined(separator: " with id ")
            throw DevError(.usage, "no instance \(what) in this analysis's pool", hint: hint)
        }
        state.selected = m.id
        try save()
        return m
    }

    /// The selected instance's public IP, read fresh (not a stored copy).
    public func selectedIP() throws -> String {
        let (_, i) = try selected()
        guard let ip = i.publicIP else {
            throw DevError(.refused, "instance \(i.id) has no public IP (it is \(i.state))", hint: "start it with start-devinstance")
        }
        return ip
    }

    public struct Row: Sendable, Equatable {
        public let selected: Bool
        public let name: String
        public let id: String
        public let state: String
        public let ip: String
        public let lifetimeLeft: String
        public let description: String
    }

    /// The pool from the state already read at open (no further AWS call).
    public func rows() -> [Row] {
        state.instances.map { m in
            let i = live[m.id]
            return Row(selected: state.selected == m.id, name: m.name ?? "-", id: m.id, state: i?.state ?? "unknown",
                       ip: i?.publicIP ?? "-", lifetimeLeft: i.flatMap { lifetime($0)?.leftText } ?? "-", description: m.description ?? "")
        }
    }
}
