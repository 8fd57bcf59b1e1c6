/// CloudFormation calls for creating analyses and reviewing change sets (`bpctl apply`).
extension CloudFormation {
    public func executeChangeSet(stack: String, name: String) async throws {
        _ = try await client.query(.cloudformation, action: "ExecuteChangeSet", version: Self.version,
                                   [("StackName", stack), ("ChangeSetName", name)])
    }

    public func deleteChangeSet(stack: String, name: String) async throws {
        _ = try await client.query(.cloudformation, action: "DeleteChangeSet", version: Self.version,
                                   [("StackName", stack), ("ChangeSetName", name)])
    }

    public func deleteStack(_ name: String) async throws {
        _ = try await client.query(.cloudformation, action: "DeleteStack", version: Self.version, [("StackName", name)])
    }

    /// The reason a change set could not be created (e.g. "The submitted information didn't
    /// contain changes"), nil when it has none.
    public func changeSetStatusReason(stack: String, name: String) async throws -> String? {
        let xml = try await client.query(.cloudformation, action: "DescribeChangeSet", version: Self.version,
                                         [("StackName", stack), ("ChangeSetName", name)])
        return xml.text("DescribeChangeSetResult/StatusReason")
    }
}
