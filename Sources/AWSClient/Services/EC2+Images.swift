/// EC2 image calls for `bpctl ami`: creation with tags in the same call, and image details
/// with the state reason (why an image went `failed`) and tag filters.
extension EC2 {
    public struct ImageDetail: Sendable, Equatable {
        public let id: String
        public let name: String?
        public let description: String?
        public let state: String
        /// Set when the image failed: "Client.UserInitiatedShutdown: ...".
        public let stateReason: String?
        public let ownerID: String?
        public let creationDate: String?
        public let tags: [String: String]
    }

    /// CreateImage with the tags applied to the image atomically (TagSpecification), so an image
    /// can never exist untagged. Returns the new image id.
    public func createImage(instanceID: String, name: String, description: String?, noReboot: Bool = false,
                            tags: [String: String]) async throws -> String {
        var p = [("InstanceId", instanceID), ("Name", name), ("NoReboot", noReboot ? "true" : "false")]
        if let description { p.append(("Description", description)) }
        if !tags.isEmpty {
            p.append(("TagSpecification.1.ResourceType", "image"))
            for (i, (k, v)) in tags.sorted(by: { $0.key < $1.key }).enumerated() {
                p += [("TagSpecification.1.Tag.\(i + 1).Key", k), ("TagSpecification.1.Tag.\(i + 1).Value", v)]
            }
        }
        guard let id = try await client.query(.ec2, action: "CreateImage", version: Self.version, p).text("imageId") else {
            throw AWSError.malformedResponse("CreateImage without imageId")
        }
        return id
    }

    /// DescribeImages with filters ("tag:bpctl:pipeline" → [name]) and owners ("self").
    public func describeImageDetails(ids: [String] = [], owners: [String] = [], filters: [String: [String]] = [:]) async throws -> [ImageDetail] {
        var p = Self.list("ImageId", ids) + Self.list("Owner", owners)
        for (i, (name, values)) in filters.sorted(by: { $0.key < $1.key }).enumerated() {
            p.append(("Filter.\(i + 1).Name", name))
            p += Self.list("Filter.\(i + 1).Value", values)
        }
        let xml = try await client.query(.ec2, action: "DescribeImages", version: Self.version, p)
        return (xml.element("imagesSet")?.children("item") ?? []).compactMap { i in
            guard let id = i.text("imageId") else { return nil }
            let reason = [i.text("stateReason/code"), i.text("stateReason/message")].compactMap { $0 }.filter { !$0.isEmpty }
            return ImageDetail(id: id, name: i.text("name"), description: i.text("description"), state: i.text("imageState") ?? "",
                               stateReason: reason.isEmpty ? nil : reason.joined(separator: ": "), ownerID: i.text("imageOwnerId"),
                               creationDate: i.text("creationDate"), tags: Self.tags(i))
        }
    }
}
