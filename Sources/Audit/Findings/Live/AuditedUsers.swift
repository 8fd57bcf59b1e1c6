import Foundation

/// The IAM users whose credentials the audit looks at: every user a blueprint lists plus every
/// member of an affiliate group, each with the blueprint place a finding about them points to.
struct AuditedUser {
    let user: IAMSnapshot.User
    let affiliate: AuditModel.Affiliate
    let at: Position

    static func all(_ input: AuditInput) -> [AuditedUser] {
        guard let iam = input.iam else { return [] }
        let model = input.model
        var out: [AuditedUser] = []
        var seen = Set<String>()
        for a in model.affiliates {
            for m in a.members where seen.insert(m.key).inserted {
                if let u = iam.user(m.iamUser) { out.append(AuditedUser(user: u, affiliate: a, at: m.position)) }
            }
        }
        for a in model.affiliates {
            for member in iam.group(a.group)?.members ?? [] where seen.insert(member.lowercased()).inserted {
                if let u = iam.user(member) { out.append(AuditedUser(user: u, affiliate: a, at: a.position)) }
            }
        }
        return out
    }
}

extension Date {
    func days(since d: Date) -> Int { Int((timeIntervalSince(d) / 86400).rounded(.down)) }
}
