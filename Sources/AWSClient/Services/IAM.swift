#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

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
        try await paginate { marker in
            var params = [("UserName", user), ("MaxItems", String(pageSize))]
            if let marker { params.append(("Marker", marker)) }
            let xml = try await client.query(.iam, action: "ListGroupsForUser", version: Self.version, params)
            return (xml.descendants("GroupName").compactMap { $0.root.stringValue },
                    xml.text("ListGroupsForUserResult/IsTruncated") == "true" ? xml.text("ListGroupsForUserResult/Marker") : nil)
        }
    }

    public func createGroup(_ name: String) async throws {
        _ = try await client.query(.iam, action: "CreateGroup", version: Self.version, [("GroupName", name)])
    }

    public func addUserToGroup(user: String, group: String) async throws {
        _ = try await client.query(.iam, action: "AddUserToGroup", version: Self.version, [("UserName", user), ("GroupName", group)])
    }

    /// The user's ARN, or nil when IAM has no such user.
    public func getUser(_ name: String) async throws -> String? {
        do {
            return try await client.query(.iam, action: "GetUser", version: Self.version, [("UserName", name)]).text("GetUserResult/User/Arn")
        } catch AWSError.service(let e) where e.code == "NoSuchEntity" {
            return nil
        }
    }

    /// Members of a group (all pages).
    public func getGroup(_ name: String) async throws -> [String] {
        try await paginate { marker in
            var p = [("GroupName", name)]
            if let marker { p.append(("Marker", marker)) }
            let xml = try await client.query(.iam, action: "GetGroup", version: Self.version, p)
            return ((xml.element("GetGroupResult/Users")?.children("member") ?? []).compactMap { $0.text("UserName") },
                    xml.text("GetGroupResult/IsTruncated") == "true" ? xml.text("GetGroupResult/Marker") : nil)
        }
    }

    public func deleteGroup(_ name: String) async throws {
        _ = try await client.query(.iam, action: "DeleteGroup", version: Self.version, [("GroupName", name)])
    }

    public func putGroupPolicy(group: String, name: String, document: String) async throws {
        _ = try await client.query(.iam, action: "PutGroupPolicy", version: Self.version,
                                   [("GroupName", group), ("PolicyName", name), ("PolicyDocument", document)])
    }

    /// The policy document, URL-decoded as IAM returns it encoded.
    public func getGroupPolicy(group: String, name: String) async throws -> String {
        let xml = try await client.query(.iam, action: "GetGroupPolicy", version: Self.version, [("GroupName", group), ("PolicyName", name)])
        return URIEncoding.decode(Substring(xml.text("GetGroupPolicyResult/PolicyDocument") ?? ""))
    }

    public func removeUserFromGroup(user: String, group: String) async throws {
        _ = try await client.query(.iam, action: "RemoveUserFromGroup", version: Self.version, [("UserName", user), ("GroupName", group)])
    }

    /// Asks IAM to build the credential report; returns its state (STARTED, INPROGRESS, COMPLETE).
    public func generateCredentialReport() async throws -> String {
        try await client.query(.iam, action: "GenerateCredentialReport", version: Self.version).text("GenerateCredentialReportResult/State") ?? ""
    }

    /// The credential report CSV (IAM sends it base64-encoded).
    public func getCredentialReport() async throws -> String {
        let xml = try await client.query(.iam, action: "GetCredentialReport", version: Self.version)
        guard let b64 = xml.text("GetCredentialReportResult/Content"), let data = Data(base64Encoded: b64) else {
            throw AWSError.malformedResponse("GetCredentialReport without content")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
