import AWSClient
import BlueprintKit
import Foundation

/// `launch-devinstance`: the blueprint's type, key, security group and instance profile; the AMI
/// from --amiid (an id or a shorthand) or the blueprint; the tags NeuroCAAS's monitoring reads.
public struct LaunchRequest: Sendable {
    public var name: String?
    public var description: String?
    public var timeoutMinutes: Int
    public var volumeSizeGB: Int?
    public var ami: String?
    /// Return once the instance exists, without waiting for it to run.
    public var noWait: Bool

    public init(name: String? = nil, description: String? = nil, timeoutMinutes: Int = 60, volumeSizeGB: Int? = nil,
                ami: String? = nil, noWait: Bool = false) {
        self.name = name
        self.description = description
        self.timeoutMinutes = timeoutMinutes
        self.volumeSizeGB = volumeSizeGB
        self.ami = ami
        self.noWait = noWait
    }
}

/// The security group the Python tool falls back to when the blueprint names none (the NeuroCAAS
/// account's dev group).
public let defaultDevSecurityGroup = "testsgstack-SecurityGroupDev-1NQJIDBJG16KK"

extension DevSession {
    public struct Launched: Sendable {
        public let instance: EC2.DevInstance
        public let ami: String
        public let amiSource: String
    }

    public func launch(_ r: LaunchRequest) async throws -> Launched {
        guard r.timeoutMinutes > 0 else { throw DevError(.usage, "--timeout must be a positive number of minutes") }
        if let v = r.volumeSizeGB, v <= 0 { throw DevError(.usage, "--volumesize must be a positive number of GB") }
        if let n = r.name, state.instances.contains(where: { $0.name == n }) {
            throw DevError(.usage, "this analysis already has an instance named '\(n)'", hint: "choose another --name")
        }
        try checkPoolRoom()
        let pipeline = try blueprint.pipelineName
        let type = try blueprint.instanceType, key = try blueprint.keyName, role = try blueprint.iamRole
        let group = try blueprint.securityGroup ?? defaultDevSecurityGroup
        let (ami, source, rootDevice) = try await resolveAMI(r.ami)
        let owner = try await STS(client).getCallerIdentity().arn
        var tags = ["PriceTracking": "On", "Timeout": String(r.timeoutMinutes), "OwnerArn": owner, "analysis": pipeline]
        if let n = r.name { tags["Name"] = n }
        let id = try await ec2.runDevInstance(EC2.DevLaunch(
            imageID: ami, type: type, keyName: key, securityGroups: [group], instanceProfile: role, tags: tags,
            rootVolume: r.volumeSizeGB.map { (rootDevice ?? "/dev/sda1", $0) }))
        // Recorded before waiting, so an interrupted wait never loses the instance.
        state.instances.append(.init(id: id, name: r.name, description: r.description, origin: "launched", added: options.now()))
        state.selected = id
        try save()
        options.log("launched \(id) (\(type), \(ami) from \(source)); tags Timeout=\(r.timeoutMinutes) min")
        let instance = r.noWait
            ? try await ec2.describeDevInstances(filters: ["instance-id": [id]]).first ?? placeholder(id, type, ami)
            : try await wait(for: id, until: "running with a public IP") { $0.state == "running" && $0.publicIP != nil }
        live[id] = instance
        return Launched(instance: instance, ami: ami, amiSource: source)
    }

    private func placeholder(_ id: String, _ type: String, _ ami: String) -> EC2.DevInstance {
        EC2.DevInstance(id: id, state: "pending", type: type, imageID: ami, launchTime: nil, publicIP: nil, privateIP: nil, tags: [:], volumeIDs: [])
    }

    /// (id, where it came from, root device name when known). Explicit ids and the blueprint's are
    /// checked to exist (and waited for while pending, as after create-devami).
    func resolveAMI(_ requested: String?) async throws -> (String, String, String?) {
        if let requested, let alias = try await AMIAliases.resolve(requested, region: client.region, ec2: ec2) {
            return (alias.id, "\(requested) (\(alias.how), \(client.region))", alias.rootDevice)
        }
        if let requested {
            guard requested.hasPrefix("ami-") else {
                throw DevError(.usage, "--amiid '\(requested)' is neither an AMI id nor one of \(AMIAliases.names.joined(separator: ", "))")
            }
            return (requested, "--amiid", try await available(requested, from: "--amiid", node: nil))
        }
        let id = try blueprint.ami
        return (id, "the blueprint", try await available(id, from: "the blueprint's AMI", node: blueprint.amiNode))
    }

    /// nil when EC2 does not know the id (real EC2 answers with an error code, moto with nothing).
    private func image(_ id: String) async throws -> EC2.DevImage? {
        do {
            return try await ec2.describeDevImages(ids: [id]).first
        } catch AWSError.service(let e) where e.code.hasPrefix("InvalidAMIID") {
            return nil
        }
    }

    func available(_ id: String, from what: String, node: BlueprintKit.Node?) async throws -> String? {
        var announced = false
        let start = options.now()
        while true {
            guard let image = try await image(id), image.state != "deregistered" else {
                let message = "\(what) \(id) does not exist in \(client.region)"
                let hint = "check the id and the region (--region, AWS_REGION), or use --amiid ubuntu18"
                if let node { throw DevError(.usage, message, hint: hint, at: node, in: blueprint.source) }
                throw DevError(.usage, message, hint: hint)
            }
            if image.state == "available" { return image.rootDeviceName }
            if image.state != "pending" { throw DevError(.check, "\(what) \(id) is \(image.state)", hint: "use another AMI") }
            if !announced { options.log("checking image is available: \(id) is pending, waiting…"); announced = true }
            if options.now().timeIntervalSince(start) > options.waitLimit { throw DevError(.check, "\(id) is still pending") }
            try await Task.sleep(nanoseconds: UInt64(options.pollInterval * 1e9))
        }
    }
}
