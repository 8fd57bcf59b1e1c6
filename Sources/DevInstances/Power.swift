import AWSClient
import Foundation

/// start / stop / terminate the selected instance.
extension DevSession {
    /// Start a stopped instance; its Timeout tag is reset (EC2 resets LaunchTime), as the seed says.
    public func start(timeoutMinutes: Int = 60, noWait: Bool = false) async throws -> EC2.DevInstance {
        guard timeoutMinutes > 0 else { throw DevError(.usage, "--timeout must be a positive number of minutes") }
        let (_, i) = try selected()
        try require(i, in: ["stopped"], to: "start it", hint: i.state == "stopping" ? "wait until it has stopped" : "it is already on")
        try await ec2.startInstances([i.id])
        try await ec2.createTags(resources: [i.id] + i.volumeIDs, tags: ["Timeout": String(timeoutMinutes)])
        options.log("starting \(i.id); lifetime reset to \(timeoutMinutes) minutes")
        if noWait { return i }
        let now = try await wait(for: i.id, until: "running with a public IP") { $0.state == "running" && $0.publicIP != nil }
        live[i.id] = now
        return now
    }

    public func stop(noWait: Bool = false) async throws -> EC2.DevInstance {
        let (_, i) = try selected()
        try require(i, in: ["running", "pending"], to: "stop it", hint: "it is not running")
        try await ec2.stopInstances([i.id])
        options.log("stopping \(i.id)")
        if noWait { return i }
        let now = try await wait(for: i.id, until: "stopped") { $0.state == "stopped" }
        live[i.id] = now
        return now
    }

    /// Refuses while no AMI has been saved from this instance since it joined the pool, unless
    /// forced; waits for the newest saved AMI to be available first (terminating while it is
    /// pending could lose it).
    public func terminate(force: Bool) async throws -> DevState.Member {
        let (m, i) = try selected()
        if !force {
            guard let ami = m.amis.last else {
                throw DevError(.refused, "no AMI has been saved from \(Self.label(m)) since it was launched: terminating it loses what was installed",
                               hint: "save one first (create-devami -n NAME), or pass --force to terminate anyway")
            }
            do {
                _ = try await available(ami, from: "the AMI saved from \(i.id)", node: nil)
            } catch let e as DevError where e.kind == .usage {
                throw DevError(.refused, "\(e.message): nothing saved from this instance remains",
                               hint: "save another with create-devami -n NAME, or pass --force to terminate anyway")
            }
        }
        try await ec2.terminateInstances([i.id])
        state.instances.removeAll { $0.id == m.id }
        state.selected = nil
        live[m.id] = nil
        try save()
        return m
    }
}
