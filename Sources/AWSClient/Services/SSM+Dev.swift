/// SSM calls for dev-instance jobs: what was sent (ListCommands), so a job's request can be shown
/// and checked after the fact.
extension SSM {
    public struct CommandRecord: Sendable, Equatable {
        public let id: String
        public let documentName: String
        public let status: String
        public let parameters: [String: [String]]
        public let outputBucket: String?
        public let outputPrefix: String?
    }

    /// The command as SSM recorded it, or nil when SSM does not know the id.
    public func listCommand(_ commandID: String) async throws -> CommandRecord? {
        let r = try await client.json11(.ssm, target: "AmazonSSM.ListCommands", ["CommandId": commandID])
        guard let c = (r["Commands"] as? [[String: Any]])?.first else { return nil }
        return CommandRecord(id: c["CommandId"] as? String ?? commandID, documentName: c["DocumentName"] as? String ?? "",
                             status: c["Status"] as? String ?? "", parameters: c["Parameters"] as? [String: [String]] ?? [:],
                             outputBucket: (c["OutputS3BucketName"] as? String).flatMap { $0.isEmpty ? nil : $0 },
                             outputPrefix: (c["OutputS3KeyPrefix"] as? String).flatMap { $0.isEmpty ? nil : $0 })
    }
}
