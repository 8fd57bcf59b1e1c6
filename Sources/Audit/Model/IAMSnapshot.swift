import Foundation

/// What IAM actually holds, as far as the audit needs it. The live reader fills it; finding
/// examples build it by hand, so every live finding can also be tested without AWS.
public struct IAMSnapshot: Sendable {
    public struct User: Sendable {
        public let name: String
        public var passwordEnabled: Bool?
        public var mfaActive: Bool?
        public var keys: [Key]

        public init(name: String, passwordEnabled: Bool? = nil, mfaActive: Bool? = nil, keys: [Key] = []) {
            self.name = name
            self.passwordEnabled = passwordEnabled
            self.mfaActive = mfaActive
            self.keys = keys
        }
    }

    /// An access key: a label that is safe to print (slot number or the id's last 4), never the secret.
    public struct Key: Sendable {
        public let label: String
        public let active: Bool
        public let created: Date?
        public let lastUsed: Date?

        public init(label: String, active: Bool, created: Date?, lastUsed: Date?) {
            self.label = label
            self.active = active
            self.created = created
            self.lastUsed = lastUsed
        }
    }

    public struct Group: Sendable {
        public let name: String
        public let members: [String]
        /// Inline policy name → document (JSON text).
        public let policies: [String: String]

        public init(name: String, members: [String], policies: [String: String] = [:]) {
            self.name = name
            self.members = members
            self.policies = policies
        }
    }

    /// Keyed by lowercased name (IAM names are unique case-insensitively).
    public let users: [String: User]
    public let groups: [String: Group]
    /// Lowercased user → lowercased groups it is in.
    public let groupsOfUser: [String: [String]]
    /// Where the credential facts came from ("credential report" or "per-user calls").
    public let credentialSource: String
    public let credentialReportGenerated: Date?

    public init(users: [User], groups: [Group], credentialSource: String = "credential report", credentialReportGenerated: Date? = nil) {
        self.users = Dictionary(users.map { ($0.name.lowercased(), $0) }, uniquingKeysWith: { a, _ in a })
        self.groups = Dictionary(groups.map { ($0.name.lowercased(), $0) }, uniquingKeysWith: { a, _ in a })
        var of: [String: [String]] = [:]
        for g in groups { for m in g.members { of[m.lowercased(), default: []].append(g.name.lowercased()) } }
        groupsOfUser = of
        self.credentialSource = credentialSource
        self.credentialReportGenerated = credentialReportGenerated
    }

    public func user(_ name: String) -> User? { users[name.lowercased()] }
    public func group(_ name: String) -> Group? { groups[name.lowercased()] }
}
