import Foundation
/// What `init` asks for. Every prompt of the Python tool (analysis name, stage, AMI, instance
/// type) is a field here and a flag on the commands; nil means "not given" (prompted on a TTY).
public struct ScaffoldOptions: Sendable {
    public struct Affiliate: Sendable, Equatable {
        public var name: String
        public var users: [String]
        public init(name: String, users: [String]) {
            self.name = name
            self.users = users
        }
    }

    public var name: String
    public var pipelineName: String?
    public var stage: String?
    public var ami: String?
    public var instanceType: String?
    public var region: String?
    public var affiliates: [Affiliate]

    /// Defaults: the current protocol's stage, the Python template's region and instance type,
    /// the guide's "debuggers" group.
    public static let defaultStage = "websubstack"
    public static let defaultInstanceType = "t2.micro"
    public static let defaultRegion = "us-east-1"
    public static let defaultAffiliate = Affiliate(name: "debuggers", users: ["developer"])
    /// BP105 names this exactly as a template leftover until a real AMI id replaces it.
    public static let placeholderAMI = "your ami here"

    public init(name: String, pipelineName: String? = nil, stage: String? = nil, ami: String? = nil, instanceType: String? = nil,
                region: String? = nil, affiliates: [Affiliate] = []) {
        self.name = name
        self.pipelineName = pipelineName
        self.stage = stage
        self.ami = ami
        self.instanceType = instanceType
        self.region = region
        self.affiliates = affiliates
    }

    /// Group users given as flags: `--affiliate A --user u` (plain users go to the first
    /// affiliate) or `--user A:u` for another one.
    public static func affiliates(names: [String], users: [String]) -> [Affiliate] {
        var list = names.map { Affiliate(name: $0, users: []) }
        for u in users {
            if let colon = u.firstIndex(of: ":") {
                let group = String(u[..<colon]), user = String(u[u.index(after: colon)...])
                if let i = list.firstIndex(where: { $0.name == group }) { list[i].users.append(user) }
                else { list.append(Affiliate(name: group, users: [user])) }
            } else {
                if list.isEmpty { list.append(Affiliate(name: defaultAffiliate.name, users: [])) }
                list[0].users.append(u)
            }
        }
        for i in list.indices where list[i].users.isEmpty { list[i].users = defaultAffiliate.users }
        return list
    }

    /// Ask for what was not given (only called when stdin is a terminal).
    public mutating func prompt(_ ask: (String, String) -> String?) {
        func value(_ question: String, _ current: String?, _ fallback: String) -> String {
            if let current { return current }
            let answer = ask(question, fallback)?.trimmingCharacters(in: .whitespaces) ?? ""
            return answer.isEmpty ? fallback : answer
        }
        pipelineName = value("Analysis Name", pipelineName, name)
        stage = value("Stage", stage, Self.defaultStage)
        ami = value("Ami", ami, Self.placeholderAMI)
        instanceType = value("Instance Type", instanceType, Self.defaultInstanceType)
    }
}
