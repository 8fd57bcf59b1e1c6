#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// EC2 calls for dev instances (`bpctl dev`, `neurocaas-contrib remote`): the instance details a
/// dev loop needs in one DescribeInstances, images by name, and RunInstances with volume tags and
/// a root volume size.
extension EC2 {
    public struct DevInstance: Sendable, Equatable {
        public let id: String
        public let state: String
        public let type: String
        public let imageID: String
        public let launchTime: Date?
        public let publicIP: String?
        public let privateIP: String?
        public let tags: [String: String]
        public let volumeIDs: [String]

        public init(id: String, state: String, type: String, imageID: String, launchTime: Date?, publicIP: String?, privateIP: String?,
                    tags: [String: String], volumeIDs: [String]) {
            self.id = id
            self.state = state
            self.type = type
            self.imageID = imageID
            self.launchTime = launchTime
            self.publicIP = publicIP
            self.privateIP = privateIP
            self.tags = tags
            self.volumeIDs = volumeIDs
        }
    }

    public struct DevImage: Sendable, Equatable {
        public let id: String
        public let name: String
        public let state: String
        public let creationDate: String
        public let rootDeviceName: String?
    }

    /// What RunInstances needs for one dev instance.
    public struct DevLaunch: Sendable {
        public var imageID: String
        public var type: String
        public var keyName: String?
        public var securityGroups: [String]
        public var instanceProfile: String?
        /// Applied to the instance and to its volumes.
        public var tags: [String: String]
        /// Root volume (device name, GiB); nil keeps the image's.
        public var rootVolume: (device: String, sizeGB: Int)?

        public init(imageID: String, type: String, keyName: String?, securityGroups: [String], instanceProfile: String?,
                    tags: [String: String], rootVolume: (device: String, sizeGB: Int)?) {
            self.imageID = imageID
            self.type = type
            self.keyName = keyName
            self.securityGroups = securityGroups
            self.instanceProfile = instanceProfile
            self.tags = tags
            self.rootVolume = rootVolume
        }
    }

    /// Every instance matching the filters (all pages), with launch time, addresses and volumes.
    public func describeDevInstances(filters: [String: [String]]) async throws -> [DevInstance] {
        try await paginate { token in
            var p: [(String, String)] = []
            for (i, (name, values)) in filters.sorted(by: { $0.key < $1.key }).enumerated() {
                p.append(("Filter.\(i + 1).Name", name))
                p += Self.list("Filter.\(i + 1).Value", values)
            }
            if let token { p.append(("NextToken", token)) }
            let xml = try await client.query(.ec2, action: "DescribeInstances", version: Self.version, p)
            var page: [DevInstance] = []
            for r in xml.element("reservationSet")?.children("item") ?? [] {
                for i in r.element("instancesSet")?.children("item") ?? [] {
                    guard let id = i.text("instanceId") else { continue }
                    let volumes = (i.element("blockDeviceMapping")?.children("item") ?? []).compactMap { $0.text("ebs/volumeId") }
                    page.append(DevInstance(id: id, state: i.text("instanceState/name") ?? "", type: i.text("instanceType") ?? "",
                                            imageID: i.text("imageId") ?? "", launchTime: i.text("launchTime").flatMap(Self.parseTime),
                                            publicIP: i.text("ipAddress").flatMap { $0.isEmpty ? nil : $0 },
                                            privateIP: i.text("privateIpAddress").flatMap { $0.isEmpty ? nil : $0 },
                                            tags: Self.tags(i), volumeIDs: volumes))
                }
            }
            return (page, xml.text("nextToken"))
        }
    }

    /// Images by id, or by owner and name pattern (`*` wildcards), with the root device name.
    public func describeDevImages(ids: [String] = [], owners: [String] = [], namePattern: String? = nil) async throws -> [DevImage] {
        var p = Self.list("ImageId", ids) + Self.list("Owner", owners)
        if let namePattern { p += [("Filter.1.Name", "name"), ("Filter.1.Value.1", namePattern)] }
        let xml = try await client.query(.ec2, action: "DescribeImages", version: Self.version, p)
        return (xml.element("imagesSet")?.children("item") ?? []).compactMap { i in
            guard let id = i.text("imageId") else { return nil }
            return DevImage(id: id, name: i.text("name") ?? "", state: i.text("imageState") ?? "",
                               creationDate: i.text("creationDate") ?? "", rootDeviceName: i.text("rootDeviceName"))
        }
    }

    /// RunInstances for one instance; returns its id.
    public func runDevInstance(_ l: DevLaunch) async throws -> String {
        var p = [("ImageId", l.imageID), ("InstanceType", l.type), ("MinCount", "1"), ("MaxCount", "1")]
        if let k = l.keyName { p.append(("KeyName", k)) }
        p += Self.list("SecurityGroup", l.securityGroups)
        if let profile = l.instanceProfile { p.append(("IamInstanceProfile.Name", profile)) }
        if let root = l.rootVolume {
            p += [("BlockDeviceMapping.1.DeviceName", root.device), ("BlockDeviceMapping.1.Ebs.VolumeSize", String(root.sizeGB)),
                  ("BlockDeviceMapping.1.Ebs.VolumeType", "gp2"), ("BlockDeviceMapping.1.Ebs.DeleteOnTermination", "true")]
        }
        for (n, resource) in ["instance", "volume"].enumerated() where !l.tags.isEmpty {
            p.append(("TagSpecification.\(n + 1).ResourceType", resource))
            for (i, (k, v)) in l.tags.sorted(by: { $0.key < $1.key }).enumerated() {
                p += [("TagSpecification.\(n + 1).Tag.\(i + 1).Key", k), ("TagSpecification.\(n + 1).Tag.\(i + 1).Value", v)]
            }
        }
        let xml = try await client.query(.ec2, action: "RunInstances", version: Self.version, p)
        guard let id = xml.element("instancesSet")?.children("item").first?.text("instanceId") else {
            throw AWSError.malformedResponse("RunInstances returned no instance")
        }
        return id
    }

    /// EC2 writes launchTime as ISO 8601, with or without fractional seconds.
    static func parseTime(_ s: String) -> Date? {
        ISO8601Timestamp.parse(s)
    }
}
