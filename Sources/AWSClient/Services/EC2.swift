/// EC2 calls (Query protocol). Lists come back as `<item>` elements.
public struct EC2: Sendable {
    public let client: AWSClient
    static let version = "2016-11-15"

    public init(_ client: AWSClient) { self.client = client }

    public struct Image: Sendable, Equatable {
        public let id: String
        public let name: String?
        public let state: String
        public let ownerID: String?
        public let creationDate: String?
        public let tags: [String: String]
    }

    public struct Instance: Sendable, Equatable {
        public let id: String
        public let state: String
        public let type: String
        public let imageID: String
        public let tags: [String: String]
    }

    private func call(_ action: String, _ params: [(String, String)] = []) async throws -> XMLTree {
        try await client.query(.ec2, action: action, version: Self.version, params)
    }

    static func list(_ name: String, _ values: [String]) -> [(String, String)] {
        values.enumerated().map { ("\(name).\($0.offset + 1)", $0.element) }
    }

    static func tags(_ item: XMLTree) -> [String: String] {
        var out: [String: String] = [:]
        for t in item.element("tagSet")?.children("item") ?? [] {
            if let k = t.text("key") { out[k] = t.text("value") ?? "" }
        }
        return out
    }

    public func describeImages(ids: [String] = [], owners: [String] = []) async throws -> [Image] {
        let xml = try await call("DescribeImages", Self.list("ImageId", ids) + Self.list("Owner", owners))
        return (xml.element("imagesSet")?.children("item") ?? []).compactMap { i in
            guard let id = i.text("imageId") else { return nil }
            return Image(id: id, name: i.text("name"), state: i.text("imageState") ?? "", ownerID: i.text("imageOwnerId"),
                         creationDate: i.text("creationDate"), tags: Self.tags(i))
        }
    }

    public func createImage(instanceID: String, name: String, description: String? = nil, noReboot: Bool = false) async throws -> String {
        var p = [("InstanceId", instanceID), ("Name", name), ("NoReboot", noReboot ? "true" : "false")]
        if let description { p.append(("Description", description)) }
        guard let id = try await call("CreateImage", p).text("imageId") else { throw AWSError.malformedResponse("CreateImage without imageId") }
        return id
    }

    public func createTags(resources: [String], tags: [String: String]) async throws {
        var p = Self.list("ResourceId", resources)
        for (i, (k, v)) in tags.sorted(by: { $0.key < $1.key }).enumerated() {
            p += [("Tag.\(i + 1).Key", k), ("Tag.\(i + 1).Value", v)]
        }
        _ = try await call("CreateTags", p)
    }

    public func deregisterImage(_ id: String) async throws {
        _ = try await call("DeregisterImage", [("ImageId", id)])
    }

    /// Every instance matching, following NextToken.
    public func describeInstances(ids: [String] = [], filters: [String: [String]] = [:]) async throws -> [Instance] {
        try await paginate { token in
            var p = Self.list("InstanceId", ids)
            for (i, (name, values)) in filters.sorted(by: { $0.key < $1.key }).enumerated() {
                p.append(("Filter.\(i + 1).Name", name))
                p += Self.list("Filter.\(i + 1).Value", values)
            }
            if let token { p.append(("NextToken", token)) }
            let xml = try await call("DescribeInstances", p)
            var page: [Instance] = []
            for r in xml.element("reservationSet")?.children("item") ?? [] {
                for i in r.element("instancesSet")?.children("item") ?? [] {
                    guard let id = i.text("instanceId") else { continue }
                    page.append(Instance(id: id, state: i.text("instanceState/name") ?? "", type: i.text("instanceType") ?? "",
                                         imageID: i.text("imageId") ?? "", tags: Self.tags(i)))
                }
            }
            return (page, xml.text("nextToken"))
        }
    }

    public func runInstances(imageID: String, type: String, keyName: String? = nil, securityGroups: [String] = [],
                             instanceProfile: String? = nil, tags: [String: String] = [:], count: Int = 1) async throws -> [String] {
        var p = [("ImageId", imageID), ("InstanceType", type), ("MinCount", String(count)), ("MaxCount", String(count))]
        if let keyName { p.append(("KeyName", keyName)) }
        p += Self.list("SecurityGroup", securityGroups)
        if let instanceProfile { p.append(("IamInstanceProfile.Name", instanceProfile)) }
        if !tags.isEmpty {
            p.append(("TagSpecification.1.ResourceType", "instance"))
            for (i, (k, v)) in tags.sorted(by: { $0.key < $1.key }).enumerated() {
                p += [("TagSpecification.1.Tag.\(i + 1).Key", k), ("TagSpecification.1.Tag.\(i + 1).Value", v)]
            }
        }
        let xml = try await call("RunInstances", p)
        return (xml.element("instancesSet")?.children("item") ?? []).compactMap { $0.text("instanceId") }
    }

    public func startInstances(_ ids: [String]) async throws { _ = try await call("StartInstances", Self.list("InstanceId", ids)) }
    public func stopInstances(_ ids: [String]) async throws { _ = try await call("StopInstances", Self.list("InstanceId", ids)) }
    public func terminateInstances(_ ids: [String]) async throws { _ = try await call("TerminateInstances", Self.list("InstanceId", ids)) }

    /// Instance types offered in the client's region, optionally restricted to some types.
    public func describeInstanceTypeOfferings(types: [String] = []) async throws -> [String] {
        var p: [(String, String)] = [("LocationType", "region")]
        if !types.isEmpty { p.append(("Filter.1.Name", "instance-type")); p += Self.list("Filter.1.Value", types) }
        return try await paginate { token in
            var q = p
            if let token { q.append(("NextToken", token)) }
            let xml = try await call("DescribeInstanceTypeOfferings", q)
            return ((xml.element("instanceTypeOfferingSet")?.children("item") ?? []).compactMap { $0.text("instanceType") }, xml.text("nextToken"))
        }
    }
}
