import AWSClient
import Foundation

/// Reads what the audit needs from IAM, in parallel with bounded concurrency: every user and
/// group, each group's members, the inline policies of the groups that matter (the blueprints'
/// groups and any group an audited user is in), and credential facts (the credential report, or
/// per-user calls when the report is unavailable).
public struct LiveIAMReader: Sendable {
    public let iam: IAM
    public let concurrency: Int
    public let useCredentialReport: Bool
    public let reportAttempts: Int

    public init(client: AWSClient, concurrency: Int = 8, useCredentialReport: Bool = true, reportAttempts: Int = 10) {
        iam = IAM(client)
        self.concurrency = concurrency
        self.useCredentialReport = useCredentialReport
        self.reportAttempts = reportAttempts
    }

    /// Per-user calls (the fallback) are made only for the users the audit looks at: those the
    /// blueprints list and the members of their groups.
    public func read(for model: AuditModel) async throws -> IAMSnapshot {
        // The report is built asynchronously by IAM: ask for it first, read groups meanwhile.
        // Every call is awaited before an error is thrown (see boundedMap: no cancelled requests).
        let iam = self.iam, useReport = useCredentialReport
        async let reportCall = capture { useReport ? try await reportIfAllowed() : nil }
        async let usersCall = capture { try await iam.listUsers() }
        async let groupsCall = capture { try await iam.listGroups() }
        let (usersResult, groupsResult, reportResult) = await (usersCall, groupsCall, reportCall)
        let users = try usersResult.get(), groupList = try groupsResult.get()
        let members = try await boundedMap(groupList, limit: concurrency) { try await iam.getGroup($0.name) }
        var wanted = Set(model.memberships.map(\.key))
        for (g, m) in zip(groupList, members) where model.affiliatesByGroup[g.name.lowercased()] != nil {
            wanted.formUnion(m.map { $0.lowercased() })
        }
        // Policies only where a finding can use them: drift (the blueprints' groups) and second
        // paths (other groups of audited users). A large account's other groups cost nothing.
        let needed = zip(groupList, members).map { g, m in
            model.affiliatesByGroup[g.name.lowercased()] != nil || m.contains { wanted.contains($0.lowercased()) }
        }
        let policies = try await boundedMap(Array(zip(groupList, needed)), limit: concurrency) { g, need -> [String: String] in
            guard need else { return [:] }
            var out: [String: String] = [:]
            for name in try await iam.listGroupPolicies(g.name) { out[name] = try await iam.getGroupPolicy(group: g.name, name: name) }
            return out
        }
        let groups = groupList.indices.map { IAMSnapshot.Group(name: groupList[$0].name, members: members[$0], policies: policies[$0]) }
        var facts: [String: IAMSnapshot.User] = [:]
        var source = "per-user calls"
        var generated: Date?
        if let (csv, time) = try reportResult.get() {
            source = "credential report"
            generated = time
            for row in CredentialReport.parse(csv) {
                facts[row.user.lowercased()] = IAMSnapshot.User(name: row.user, passwordEnabled: row.passwordEnabled, mfaActive: row.mfaActive, keys: row.keys)
            }
        } else {
            let names = users.map(\.name).filter { wanted.contains($0.lowercased()) }
            for u in try await boundedMap(names, limit: concurrency, { try await perUser($0) }) { facts[u.name.lowercased()] = u }
        }
        let all = users.map { facts[$0.name.lowercased()] ?? IAMSnapshot.User(name: $0.name) }
        return IAMSnapshot(users: all, groups: groups, credentialSource: source, credentialReportGenerated: generated)
    }

    /// The credential report, or nil when IAM will not give it (not allowed, not ready in time):
    /// the caller falls back on per-user calls.
    private func reportIfAllowed() async throws -> (csv: String, generated: Date?)? {
        do {
            return try await iam.credentialReport(attempts: reportAttempts)
        } catch AWSError.service(let e) where ["AccessDenied", "ReportNotPresent", "ReportInProgress", "ReportExpired"].contains(e.code) {
            return nil
        }
    }

    private func perUser(_ name: String) async throws -> IAMSnapshot.User {
        let iam = self.iam
        async let login = capture { try await iam.hasLoginProfile(user: name) }
        async let mfa = capture { try await iam.listMFADevices(user: name) }
        let keys = await capture { () async throws -> [IAMSnapshot.Key] in
            try await boundedMap(try await iam.listAccessKeys(user: name), limit: 2) { k in
                IAMSnapshot.Key(label: "access key …\(k.id.suffix(4))", active: k.active, created: k.created,
                                lastUsed: try await iam.getAccessKeyLastUsed(k.id))
            }
        }
        let (hasLogin, devices) = await (login, mfa)
        return IAMSnapshot.User(name: name, passwordEnabled: try hasLogin.get(), mfaActive: !(try devices.get()).isEmpty, keys: try keys.get())
    }
}
