/// SSM calls (JSON 1.1): run a shell command on an instance and read its result.
public struct SSM: Sendable {
    public let client: AWSClient
    public init(_ client: AWSClient) { self.client = client }

    public func sendCommand(instanceIDs: [String], commands: [String], workingDirectory: String? = nil,
                            timeoutSeconds: Int? = nil, outputBucket: String? = nil, outputPrefix: String? = nil) async throws -> String {
        var parameters: [String: [String]] = ["commands": commands]
        if let workingDirectory { parameters["workingDirectory"] = [workingDirectory] }
        if let timeoutSeconds { parameters["executionTimeout"] = [String(timeoutSeconds)] }
        var body: [String: Any] = ["DocumentName": "AWS-RunShellScript", "InstanceIds": instanceIDs, "Parameters": parameters]
        if let outputBucket { body["OutputS3BucketName"] = outputBucket }
        if let outputPrefix { body["OutputS3KeyPrefix"] = outputPrefix }
        let r = try await client.json11(.ssm, target: "AmazonSSM.SendCommand", body)
        guard let id = (r["Command"] as? [String: Any])?["CommandId"] as? String else {
            throw AWSError.malformedResponse("SendCommand without CommandId")
        }
        return id
    }

    public struct Invocation: Sendable, Equatable {
        public let status: String
        public let responseCode: Int?
        public let standardOutput: String
        public let standardError: String
    }

    public func getCommandInvocation(commandID: String, instanceID: String) async throws -> Invocation {
        let r = try await client.json11(.ssm, target: "AmazonSSM.GetCommandInvocation", ["CommandId": commandID, "InstanceId": instanceID])
        return Invocation(status: r["Status"] as? String ?? "", responseCode: JSONNumber.int(r["ResponseCode"]),
                          standardOutput: r["StandardOutputContent"] as? String ?? "", standardError: r["StandardErrorContent"] as? String ?? "")
    }
}
