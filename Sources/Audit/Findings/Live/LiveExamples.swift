import Foundation

/// IAM states the live findings' examples start from: the clean example blueprint deployed as
/// intended (users, groups, members and policies all match; no keys, no console passwords).
enum LiveExamples {
    static let users = ["aliceus-east-1", "bobus-east-1", "carolus-east-1"]
    static let labGroup = "cunninghamlabepianalysissubstackgroup"
    static let debugGroup = "debuggersepianalysissubstackgroup"

    static func deployed(extraUsers: [IAMSnapshot.User] = [], dropUsers: Set<String> = [], extraGroups: [IAMSnapshot.Group] = [],
                         labMembers: [String] = ["aliceus-east-1", "bobus-east-1"], labPolicy: String? = nil,
                         dropGroups: Set<String> = [], edit: (inout [IAMSnapshot.User]) -> Void = { _ in }) -> IAMSnapshot {
        var list = users.filter { !dropUsers.contains($0) }.map { IAMSnapshot.User(name: $0, passwordEnabled: false, mfaActive: false) } + extraUsers
        edit(&list)
        let groups = [
            IAMSnapshot.Group(name: labGroup, members: labMembers,
                              policies: ["cunninghamlabpolicy": labPolicy ?? AffiliatePolicy.document(affiliate: "cunninghamlab", bucket: "epi-analysis")]),
            IAMSnapshot.Group(name: debugGroup, members: ["carolus-east-1"],
                              policies: ["debuggerspolicy": AffiliatePolicy.document(affiliate: "debuggers", bucket: "epi-analysis")]),
        ].filter { !dropGroups.contains($0.name) } + extraGroups
        return IAMSnapshot(users: list, groups: groups)
    }

    /// A key created `age` days before the audit's clock in examples (examples run at `days` after 2026-01-01).
    static let epoch = Date(timeIntervalSince1970: 1_767_225_600) // 2026-01-01T00:00:00Z

    static func key(createdDaysAgo age: Double, usedDaysAgo used: Double?, at days: Double, active: Bool = true) -> IAMSnapshot.Key {
        let now = epoch.addingTimeInterval(days * 86400)
        return IAMSnapshot.Key(label: "access key 1", active: active, created: now.addingTimeInterval(-age * 86400),
                               lastUsed: used.map { now.addingTimeInterval(-$0 * 86400) })
    }
}
