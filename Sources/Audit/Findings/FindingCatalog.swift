/// Every finding kind, in id order. Ids are stable and never reused: BP30x offline, BP31x live.
public enum FindingCatalog {
    public static let all: [any AuditCheck.Type] = [
        UserGroupLimitFinding.self, DuplicateUserFinding.self, AffiliateWithoutUsersFinding.self, ContactEmailFinding.self,
        UserNameFinding.self, GroupNameLengthFinding.self, AffiliateNameCharactersFinding.self,
        UserMissingFinding.self, UndeclaredMemberFinding.self, SecondAccessPathFinding.self, GroupMissingFinding.self,
        PolicyDriftFinding.self, AccessKeyUnusedFinding.self, AccessKeyAgeFinding.self, ConsoleWithoutMFAFinding.self,
    ]

    public static var descriptions: [FindingDescription] { all.map { $0.description } }

    static let checks: [any AuditCheck] = all.map { $0.init() }
}
