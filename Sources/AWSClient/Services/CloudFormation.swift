/// CloudFormation calls (Query protocol).
public struct CloudFormation: Sendable {
    public let client: AWSClient
    static let version = "2010-05-15"

    public init(_ client: AWSClient) { self.client = client }

    public struct Stack: Sendable, Equatable {
        public let name: String
        public let id: String
        public let status: String
        public let outputs: [String: String]
        public let parameters: [String: String]
    }

    public struct Resource: Sendable, Equatable {
        public let logicalID: String
        public let physicalID: String?
        public let type: String
        public let status: String
    }

    public struct Event: Sendable, Equatable {
        public let logicalID: String
        public let status: String
        public let reason: String?
        public let timestamp: String
    }

    public struct ChangeSet: Sendable, Equatable {
        public let status: String
        public let executionStatus: String?
        public let changes: [(action: String, logicalID: String, type: String)]
        public static func == (a: ChangeSet, b: ChangeSet) -> Bool {
            a.status == b.status && a.executionStatus == b.executionStatus && a.changes.map { "\($0)" } == b.changes.map { "\($0)" }
        }
    }

    private func call(_ action: String, _ params: [(String, String)]) async throws -> XMLTree {
        try await client.query(.cloudformation, action: action, version: Self.version, params)
    }

    private static func map(_ list: XMLTree?, _ key: String, _ value: String) -> [String: String] {
        var out: [String: String] = [:]
        for m in list?.children("member") ?? [] { if let k = m.text(key) { out[k] = m.text(value) ?? "" } }
        return out
    }

    /// nil when the stack does not exist (CloudFormation answers ValidationError).
    public func describeStack(_ name: String) async throws -> Stack? {
        do {
            let xml = try await call("DescribeStacks", [("StackName", name)])
            guard let s = xml.element("DescribeStacksResult/Stacks")?.children("member").first else { return nil }
            return Stack(name: s.text("StackName") ?? name, id: s.text("StackId") ?? "", status: s.text("StackStatus") ?? "",
                         outputs: Self.map(s.element("Outputs"), "OutputKey", "OutputValue"),
                         parameters: Self.map(s.element("Parameters"), "ParameterKey", "ParameterValue"))
        } catch AWSError.service(let e) where e.code == "ValidationError" && e.message.contains("does not exist") {
            return nil
        }
    }

    public func describeStackResources(_ name: String) async throws -> [Resource] {
        let xml = try await call("DescribeStackResources", [("StackName", name)])
        return (xml.element("DescribeStackResourcesResult/StackResources")?.children("member") ?? []).map(Self.resource)
    }

    public func describeStackResource(_ name: String, logicalID: String) async throws -> Resource? {
        let xml = try await call("DescribeStackResource", [("StackName", name), ("LogicalResourceId", logicalID)])
        return xml.element("DescribeStackResourceResult/StackResourceDetail").map(Self.resource)
    }

    private static func resource(_ m: XMLTree) -> Resource {
        Resource(logicalID: m.text("LogicalResourceId") ?? "", physicalID: m.text("PhysicalResourceId"),
                 type: m.text("ResourceType") ?? "", status: m.text("ResourceStatus") ?? "")
    }

    public func getTemplate(_ name: String) async throws -> String {
        try await call("GetTemplate", [("StackName", name)]).text("GetTemplateResult/TemplateBody") ?? ""
    }

    private static func stackParams(_ name: String, _ template: String, _ parameters: [String: String], _ capabilities: [String]) -> [(String, String)] {
        var p = [("StackName", name), ("TemplateBody", template)]
        for (i, (k, v)) in parameters.sorted(by: { $0.key < $1.key }).enumerated() {
            p += [("Parameters.member.\(i + 1).ParameterKey", k), ("Parameters.member.\(i + 1).ParameterValue", v)]
        }
        p += capabilities.enumerated().map { ("Capabilities.member.\($0.offset + 1)", $0.element) }
        return p
    }

    public func createStack(_ name: String, template: String, parameters: [String: String] = [:], capabilities: [String] = []) async throws -> String {
        try await call("CreateStack", Self.stackParams(name, template, parameters, capabilities)).text("CreateStackResult/StackId") ?? ""
    }

    public func updateStack(_ name: String, template: String, parameters: [String: String] = [:], capabilities: [String] = []) async throws {
        _ = try await call("UpdateStack", Self.stackParams(name, template, parameters, capabilities))
    }

    public func describeStackEvents(_ name: String) async throws -> [Event] {
        try await paginate { token in
            var p = [("StackName", name)]
            if let token { p.append(("NextToken", token)) }
            let xml = try await call("DescribeStackEvents", p)
            return ((xml.element("DescribeStackEventsResult/StackEvents")?.children("member") ?? []).map {
                Event(logicalID: $0.text("LogicalResourceId") ?? "", status: $0.text("ResourceStatus") ?? "",
                      reason: $0.text("ResourceStatusReason"), timestamp: $0.text("Timestamp") ?? "")
            }, xml.text("DescribeStackEventsResult/NextToken"))
        }
    }

    /// type: CREATE or UPDATE.
    public func createChangeSet(stack: String, name: String, template: String, type: String = "UPDATE",
                                parameters: [String: String] = [:], capabilities: [String] = []) async throws -> String {
        var p = Self.stackParams(stack, template, parameters, capabilities)
        p += [("ChangeSetName", name), ("ChangeSetType", type)]
        return try await call("CreateChangeSet", p).text("CreateChangeSetResult/Id") ?? ""
    }

    public func describeChangeSet(stack: String, name: String) async throws -> ChangeSet {
        let xml = try await call("DescribeChangeSet", [("StackName", stack), ("ChangeSetName", name)])
        let r = xml.element("DescribeChangeSetResult")
        let changes = (r?.element("Changes")?.children("member") ?? []).compactMap { m -> (String, String, String)? in
            guard let rc = m.element("ResourceChange") else { return nil }
            return (rc.text("Action") ?? "", rc.text("LogicalResourceId") ?? "", rc.text("ResourceType") ?? "")
        }
        return ChangeSet(status: r?.text("Status") ?? "", executionStatus: r?.text("ExecutionStatus"),
                         changes: changes.map { (action: $0.0, logicalID: $0.1, type: $0.2) })
    }
}
