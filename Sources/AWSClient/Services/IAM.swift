/// IAM calls (Query protocol, global endpoint). Only what bpctl and its tests use so far.
public struct IAM: Sendable {
    public let client: AWSClient
    static let version = "2010-05-08"

    public init(_ client: AWSClient) { self.client = client }

    public func createUser(_ name: String) async throws {
        _ = try await client.query(.iam, action: "CreateUser", version: Self.version, [("UserName", name)])
    }

    public func putUserPolicy(user: String, name: String, document: String) async throws {
        _ = try await client.query(.iam, action: "PutUserPolicy", version: Self.version,
                                   [("UserName", user), ("PolicyName", name), ("PolicyDocument", document)])
    }

    /// Returns (access key id, secret). The secret is only ever handed to the caller.
    public func createAccessKey(user: String) async throws -> (String, String) {
        let xml = try await client.query(.iam, action: "CreateAccessKey", version: Self.version, [("UserName", user)])
        guard let id = xml.text("CreateAccessKeyResult/AccessKey/AccessKeyId"),
              let secret = xml.text("CreateAccessKeyResult/AccessKey/SecretAccessKey") else {
            throw AWSError.malformedResponse("CreateAccessKey reply without a key")
        }
        return (id, secret)
    }

    /// ListGroupsForUser, following Marker/IsTruncated through every page.
    public func listGroupsForUser(_ user: String, pageSize: Int = 100) async throws -> [String] {
        var groups: [String] = []
        var marker: String?
        repeat {
            var params = [("UserName", user), ("MaxItems", String(pageSize))]
            if let marker { params.append(("Marker", marker)) }
            let xml = try await client.query(.iam, action: "ListGroupsForUser", version: Self.version, params)
            groups += xml.descendants("GroupName").compactMap { $0.root.stringValue }
            marker = xml.text("ListGroupsForUserResult/IsTruncated") == "true" ? xml.text("ListGroupsForUserResult/Marker") : nil
        } while marker != nil
        return groups
    }

    public func createGroup(_ name: String) async throws {
        _ = try await client.query(.iam, action: "CreateGroup", version: Self.version, [("GroupName", name)])
    }

    public func addUserToGroup(user: String, group: String) async throws {
        _ = try await client.query(.iam, action: "AddUserToGroup", version: Self.version, [("UserName", user), ("GroupName", group)])
    }
}
