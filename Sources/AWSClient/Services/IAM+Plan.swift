/// IAM reads for `bpctl plan`: an affiliate group's members and inline policy in one call each.
extension IAM {
    public struct GroupDetails: Sendable, Equatable {
        public let members: [String]
        /// The named inline policy's document, nil when the group has no such policy.
        public let policy: String?
    }

    /// nil when there is no such group.
    public func groupDetails(_ name: String, policy policyName: String) async throws -> GroupDetails? {
        let members: [String]
        do {
            members = try await getGroup(name)
        } catch AWSError.service(let e) where e.code == "NoSuchEntity" {
            return nil
        }
        do {
            return GroupDetails(members: members.sorted(), policy: try await getGroupPolicy(group: name, name: policyName))
        } catch AWSError.service(let e) where e.code == "NoSuchEntity" {
            return GroupDetails(members: members.sorted(), policy: nil)
        }
    }
}
