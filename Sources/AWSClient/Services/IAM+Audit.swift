#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// IAM reads for `bpctl audit affiliates`: the account's users, groups, memberships, inline
/// group policies and credential facts. Every list call follows Marker/IsTruncated to the end.
extension IAM {
    public struct User: Sendable, Equatable {
        public let name: String
        public let arn: String
        public let path: String
        public let created: Date?
    }

    public struct Group: Sendable, Equatable {
        public let name: String
        public let arn: String
    }

    public struct AccessKey: Sendable, Equatable {
        public let id: String
        public let active: Bool
        public let created: Date?
    }

    /// ListUsers (all pages).
    public func listUsers(pageSize: Int = 1000) async throws -> [User] {
        try await paginate { marker in
            let xml = try await client.query(.iam, action: "ListUsers", version: Self.version, Self.page(pageSize, marker))
            let users = (xml.element("ListUsersResult/Users")?.children("member") ?? []).compactMap { m -> User? in
                guard let name = m.text("UserName") else { return nil }
                return User(name: name, arn: m.text("Arn") ?? "", path: m.text("Path") ?? "/", created: m.text("CreateDate").flatMap(IAMDates.parse))
            }
            return (users, Self.next(xml, "ListUsersResult"))
        }
    }

    /// ListGroups (all pages).
    public func listGroups(pageSize: Int = 1000) async throws -> [Group] {
        try await paginate { marker in
            let xml = try await client.query(.iam, action: "ListGroups", version: Self.version, Self.page(pageSize, marker))
            let groups = (xml.element("ListGroupsResult/Groups")?.children("member") ?? []).compactMap { m -> Group? in
                m.text("GroupName").map { Group(name: $0, arn: m.text("Arn") ?? "") }
            }
            return (groups, Self.next(xml, "ListGroupsResult"))
        }
    }

    /// Names of a group's inline policies (all pages).
    public func listGroupPolicies(_ group: String, pageSize: Int = 1000) async throws -> [String] {
        try await paginate { marker in
            let xml = try await client.query(.iam, action: "ListGroupPolicies", version: Self.version,
                                             [("GroupName", group)] + Self.page(pageSize, marker))
            return ((xml.element("ListGroupPoliciesResult/PolicyNames")?.children("member") ?? []).compactMap { $0.root.stringValue },
                    Self.next(xml, "ListGroupPoliciesResult"))
        }
    }

    /// A user's access keys (ids and status only; IAM never returns secrets here).
    public func listAccessKeys(user: String) async throws -> [AccessKey] {
        try await paginate { marker in
            let xml = try await client.query(.iam, action: "ListAccessKeys", version: Self.version,
                                             [("UserName", user)] + Self.page(100, marker))
            let keys = (xml.element("ListAccessKeysResult/AccessKeyMetadata")?.children("member") ?? []).compactMap { m -> AccessKey? in
                m.text("AccessKeyId").map { AccessKey(id: $0, active: m.text("Status") == "Active", created: m.text("CreateDate").flatMap(IAMDates.parse)) }
            }
            return (keys, Self.next(xml, "ListAccessKeysResult"))
        }
    }

    /// When a key was last used; nil when never.
    public func getAccessKeyLastUsed(_ keyID: String) async throws -> Date? {
        let xml = try await client.query(.iam, action: "GetAccessKeyLastUsed", version: Self.version, [("AccessKeyId", keyID)])
        return xml.text("GetAccessKeyLastUsedResult/AccessKeyLastUsed/LastUsedDate").flatMap(IAMDates.parse)
    }

    /// Serial numbers of the user's MFA devices.
    public func listMFADevices(user: String) async throws -> [String] {
        try await paginate { marker in
            let xml = try await client.query(.iam, action: "ListMFADevices", version: Self.version,
                                             [("UserName", user)] + Self.page(100, marker))
            return ((xml.element("ListMFADevicesResult/MFADevices")?.children("member") ?? []).compactMap { $0.text("SerialNumber") },
                    Self.next(xml, "ListMFADevicesResult"))
        }
    }

    /// Whether the user has a console password (GetLoginProfile answers NoSuchEntity when not).
    public func hasLoginProfile(user: String) async throws -> Bool {
        do {
            _ = try await client.query(.iam, action: "GetLoginProfile", version: Self.version, [("UserName", user)])
            return true
        } catch AWSError.service(let e) where e.code == "NoSuchEntity" {
            return false
        }
    }

    /// GenerateCredentialReport until COMPLETE (IAM builds it asynchronously), then the CSV and
    /// when IAM generated it (the report is cached for hours: its age says how fresh it is).
    /// nil when the report is still not ready after `attempts` polls.
    public func credentialReport(attempts: Int = 10, pause: Duration = .milliseconds(500)) async throws -> (csv: String, generated: Date?)? {
        for attempt in 0..<attempts {
            if try await generateCredentialReport() == "COMPLETE" {
                let xml = try await client.query(.iam, action: "GetCredentialReport", version: Self.version)
                guard let b64 = xml.text("GetCredentialReportResult/Content"), let data = Data(base64Encoded: b64) else {
                    throw AWSError.malformedResponse("GetCredentialReport without content")
                }
                return (String(decoding: data, as: UTF8.self), xml.text("GetCredentialReportResult/GeneratedTime").flatMap(IAMDates.parse))
            }
            if attempt + 1 < attempts { try await Task.sleep(for: pause) }
        }
        return nil
    }

    static func page(_ size: Int, _ marker: String?) -> [(String, String)] {
        var p = [("MaxItems", String(size))]
        if let marker { p.append(("Marker", marker)) }
        return p
    }

    static func next(_ xml: XMLTree, _ result: String) -> String? {
        xml.text("\(result)/IsTruncated") == "true" ? xml.text("\(result)/Marker") : nil
    }
}

/// IAM's ISO 8601 timestamps, with or without fractional seconds.
public enum IAMDates {
    public static func parse(_ s: String) -> Date? {
        ISO8601Timestamp.parse(s)
    }
}
