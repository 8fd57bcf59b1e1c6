/// EC2 reads for `bpctl plan`: one AMI with the fields a plan judges (state, owner, deprecation).
extension EC2 {
    public struct ImageDetails: Sendable, Equatable {
        public let id: String
        public let state: String
        public let ownerID: String?
        public let deprecationTime: String?
    }

    /// nil when EC2 does not know the id (NotFound, or an id EC2 calls malformed).
    public func imageDetails(_ id: String) async throws -> ImageDetails? {
        do {
            let xml = try await client.query(.ec2, action: "DescribeImages", version: Self.version, [("ImageId.1", id)])
            guard let i = xml.element("imagesSet")?.children("item").first else { return nil }
            return ImageDetails(id: i.text("imageId") ?? id, state: i.text("imageState") ?? "", ownerID: i.text("imageOwnerId"),
                                deprecationTime: i.text("deprecationTime"))
        } catch AWSError.service(let e) where e.code.hasPrefix("InvalidAMIID") {
            return nil
        }
    }
}
