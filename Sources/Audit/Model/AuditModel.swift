import BlueprintKit

/// Where a finding or a record sits in a blueprint.
public struct Position: Sendable, Equatable, Hashable {
    public let file: String
    public let line: Int
    public let column: Int
    public let pointer: String?

    public init(file: String, line: Int, column: Int, pointer: String?) {
        self.file = file
        self.line = line
        self.column = column
        self.pointer = pointer
    }

    init(_ source: SourceFile, _ range: SourceRange, _ pointer: String?) {
        let l = source.location(of: range.start)
        self.init(file: source.path, line: l.line, column: l.column, pointer: pointer)
    }

    public var description: String { "\(file):\(line):\(column)" }
}

/// The blueprints' intent: users × pipelines × affiliates, each with its position. Built once,
/// read by every finding and renderer.
public struct AuditModel: Sendable {
    /// One UserNames entry: this IAM user should be in this affiliate's group of this pipeline.
    public struct Membership: Sendable {
        /// `<UserName><REGION>`, the IAM user the deploy adds to the group (§4.9).
        public let iamUser: String
        public let declared: String
        /// `iamUser` lowercased: the key of every per-user lookup (IAM names are case-insensitive).
        public let key: String
        public let region: String
        public let position: Position
        /// Index into `affiliates`.
        public let affiliate: Int
    }

    /// One UXData.Affiliates entry of one blueprint. A class: findings pass affiliates around a
    /// lot, and copying a struct of nine strings and an array was a tenth of a large audit.
    public final class Affiliate: Sendable {
        public let name: String
        public let pipeline: String
        public let stage: String
        /// The group the deploy creates (§4.9): develop `<aff>group`, webdev `<aff><pipeid>group`,
        /// websubstack `<aff><pipeid>substackgroup`.
        public let group: String
        /// `group` lowercased.
        public let groupKey: String
        public let position: Position
        public let contactEmail: (value: String, position: Position)?
        public let members: [Membership]
        /// Index into `files`.
        public let file: Int

        init(name: String, pipeline: String, stage: String, group: String, position: Position,
             contactEmail: (value: String, position: Position)?, members: [Membership], file: Int) {
            self.name = name
            self.pipeline = pipeline
            self.stage = stage
            self.group = group
            groupKey = group.lowercased()
            self.position = position
            self.contactEmail = contactEmail
            self.members = members
            self.file = file
        }
    }

    public let files: [String]
    public let affiliates: [Affiliate]
    /// Blueprints without a usable PipelineName or AffiliateName (the validator reports why).
    public let skippedAffiliates: Int
    /// Files that could not be read or parsed (not in `files`).
    public var unreadableFiles = 0

    public var memberships: [Membership] { affiliates.flatMap(\.members) }

    /// IAM user (lowercased: IAM names are unique case-insensitively) → distinct groups, in order.
    public let groupsByUser: [String: [String]]
    /// IAM user (lowercased) → its memberships, in file order.
    public let membershipsByUser: [String: [Membership]]
    /// Group (lowercased) → affiliates that create it (develop groups can be shared).
    public let affiliatesByGroup: [String: [Int]]
    /// Pipeline → its groups (lowercased).
    public let groupsByPipeline: [String: Set<String>]
    /// IAM users and pipelines in first-seen order.
    public let users: [String]
    public let pipelines: [String]

    public init(blueprints: [Blueprint]) {
        var affiliates: [Affiliate] = []
        var skipped = 0
        for (fileIndex, bp) in blueprints.enumerated() {
            guard let pipeline = bp.pipelineNameValue, !TemplateLeftover.matches(pipeline) else {
                skipped += bp.affiliates.count
                continue
            }
            let stage = bp.stageValue ?? "websubstack"
            let region = bp.lambda?.config?.region?.node.string ?? bp.regionValue ?? ""
            for a in bp.affiliates {
                guard let nameField = a.name, let name = nameField.node.string, !TemplateLeftover.matches(name) else {
                    skipped += 1
                    continue
                }
                let index = affiliates.count
                let members = a.users.compactMap { u -> Membership? in
                    guard !TemplateLeftover.matches(u.value) else { return nil }
                    let iamUser = IAMNames.user(u.value, region: region)
                    return Membership(iamUser: iamUser, declared: u.value, key: iamUser.lowercased(), region: region,
                                      position: Position(bp.source, u.range, u.pointer), affiliate: index)
                }
                let email = a.contactEmail.flatMap { f in f.node.string.map { ($0, Position(bp.source, f.node.range, f.pointer)) } }
                affiliates.append(Affiliate(name: name, pipeline: pipeline, stage: stage,
                                            group: IAMNames.group(affiliate: name, pipeline: pipeline, stage: stage),
                                            position: Position(bp.source, nameField.node.range, nameField.pointer),
                                            contactEmail: email, members: members, file: fileIndex))
            }
        }
        self.init(files: blueprints.map(\.source.path), affiliates: affiliates, skipped: skipped)
    }

    init(files: [String], affiliates: [Affiliate], skipped: Int) {
        self.files = files
        self.affiliates = affiliates
        skippedAffiliates = skipped
        var groups: [String: [String]] = [:]
        var byUser: [String: [Membership]] = [:]
        var byGroup: [String: [Int]] = [:]
        var byPipeline: [String: Set<String>] = [:]
        var users: [String] = [], pipelines: [String] = []
        for (i, a) in affiliates.enumerated() {
            let g = a.groupKey
            byGroup[g, default: []].append(i)
            if byPipeline[a.pipeline] == nil { pipelines.append(a.pipeline) }
            byPipeline[a.pipeline, default: []].insert(g)
            for m in a.members {
                let u = m.key
                if byUser[u] == nil { users.append(m.iamUser) }
                byUser[u, default: []].append(m)
                if !(groups[u]?.contains(g) ?? false) { groups[u, default: []].append(g) }
            }
        }
        self.users = users
        self.pipelines = pipelines
        groupsByUser = groups
        membershipsByUser = byUser
        affiliatesByGroup = byGroup
        groupsByPipeline = byPipeline
    }

    public func affiliate(of m: Membership) -> Affiliate { affiliates[m.affiliate] }

}
