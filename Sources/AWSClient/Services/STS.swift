/// STS calls.
public struct STS: Sendable {
    public let client: AWSClient
    static let version = "2011-06-15"

    public init(_ client: AWSClient) { self.client = client }

    public struct CallerIdentity: Sendable, Equatable {
        public let account: String
        public let arn: String
        public let userID: String
    }

    public func getCallerIdentity() async throws -> CallerIdentity {
        let xml = try await client.query(.sts, action: "GetCallerIdentity", version: Self.version)
        guard let r = xml.element("GetCallerIdentityResult"), let account = r.text("Account"), let arn = r.text("Arn") else {
            throw AWSError.malformedResponse("GetCallerIdentity reply without Account/Arn")
        }
        return CallerIdentity(account: account, arn: arn, userID: r.text("UserId") ?? "")
    }
}
