/// Lambda calls (REST-JSON). NeuroCAAS keeps AMI, INSTANCE_TYPE and COMMAND in the job
/// manager's environment, so this is how the live analysis is read and updated.
public struct Lambda: Sendable {
    public let client: AWSClient
    public init(_ client: AWSClient) { self.client = client }

    public struct Configuration: Sendable, Equatable {
        public let name: String
        public let handler: String?
        public let timeout: Int?
        public let environment: [String: String]
        public let revisionID: String?
    }

    private func path(_ function: String) -> String { "/2015-03-31/functions/\(function)/configuration" }

    static func configuration(_ o: [String: Any]) -> Configuration {
        let env = ((o["Environment"] as? [String: Any])?["Variables"] as? [String: String]) ?? [:]
        return Configuration(name: o["FunctionName"] as? String ?? "", handler: o["Handler"] as? String, timeout: JSONNumber.int(o["Timeout"]),
                             environment: env, revisionID: o["RevisionId"] as? String)
    }

    public func getFunctionConfiguration(_ function: String) async throws -> Configuration {
        Self.configuration(try await client.restJSON(.lambda, method: "GET", path: path(function)))
    }

    /// Replaces the environment (Lambda has no partial update) and optionally the timeout.
    public func updateFunctionConfiguration(_ function: String, environment: [String: String]? = nil, timeout: Int? = nil,
                                            revisionID: String? = nil) async throws -> Configuration {
        var body: [String: Any] = [:]
        if let environment { body["Environment"] = ["Variables": environment] }
        if let timeout { body["Timeout"] = timeout }
        if let revisionID { body["RevisionId"] = revisionID }
        return Self.configuration(try await client.restJSON(.lambda, method: "PUT", path: path(function), body))
    }
}
