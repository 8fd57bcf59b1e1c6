import BlueprintKit

/// What to read from AWS for a plan. Saved in plan files, so a staleness check re-reads exactly
/// the same facts.
public struct ReadRequest: Codable, Sendable, Equatable {
    public var region: String
    public var stackName: String
    public var ami: String?
    public var instanceType: String?
    public var users: [String]
    /// Group name → affiliate name (its inline policy is `<affiliate>policy`).
    public var groups: [String: String]
    public var folders: [String]

    enum CodingKeys: String, CodingKey {
        case region, stackName = "stack_name", ami, instanceType = "instance_type", users, groups, folders
    }

    public init(region: String, stackName: String, ami: String?, instanceType: String?, users: [String],
                groups: [String: String], folders: [String]) {
        self.region = region
        self.stackName = stackName
        self.ami = ami
        self.instanceType = instanceType
        self.users = users
        self.groups = groups
        self.folders = folders
    }

    /// Everything the desired state and the last committed state name: groups under each
    /// stage's naming, so a STAGE change or a removed affiliate is still found.
    public init(desired: DesiredState, committed: DesiredState?, region: String) {
        var groups: [String: String] = [:]
        var folders: [String] = []
        var users = desired.users
        let stages = Set([desired.stage, committed?.stage].compactMap { $0 })
        for state in [desired, committed].compactMap({ $0 }) where state.pipeline == desired.pipeline {
            for a in state.affiliates {
                for stage in stages { groups[IAMNamesBridge.group(a.name, desired.pipeline, stage)] = a.name }
                folders += AccessPolicy.folders(affiliate: a.name)
            }
            users += state.users
        }
        self.init(region: region, stackName: desired.pipeline, ami: desired.ami, instanceType: desired.instanceType,
                  users: users.uniquedKeepingOrder(), groups: groups, folders: folders.uniquedKeepingOrder())
    }
}

enum IAMNamesBridge {
    static func group(_ affiliate: String, _ pipeline: String, _ stage: String?) -> String {
        IAMNames.group(affiliate: affiliate, pipeline: pipeline, stage: stage)
    }
}
