/// IAM calls `bpctl apply` needs beyond the planner's reads: removing an affiliate group's
/// inline policy before the group itself can be deleted.
extension IAM {
    public func deleteGroupPolicy(group: String, name: String) async throws {
        _ = try await client.query(.iam, action: "DeleteGroupPolicy", version: "2010-05-08", [("GroupName", group), ("PolicyName", name)])
    }
}
