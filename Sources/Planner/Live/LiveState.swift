import BlueprintKit

/// Live facts as resource states, comparable with a DesiredState's.
public struct LiveState: Sendable {
    public let facts: LiveFacts
    /// The STAGE the deployed stack was built with, inferred from its shape (nil: unknown).
    public let stage: String?
    public let resources: [ResourceState]

    /// `affiliates`: names the desired and committed blueprints mention, looked up by group
    /// when the stack has no nested stacks to list them.
    public init(facts: LiveFacts, affiliates: [String]) {
        self.facts = facts
        let pipeline = facts.stackName
        guard facts.stack != nil else {
            stage = nil
            resources = []
            return
        }
        let stage = Self.inferStage(facts, affiliates: affiliates)
        self.stage = stage
        var resources = [ResourceState(address: ResourceAddress.stack(pipeline), type: ResourceAddress.stackType, attributes: [
            .init("stage", stage.map(PlanValue.string) ?? .unknown),
            .init("bucket", .string(pipeline)),
        ])]
        for id in [ResourceAddress.mainLambda, ResourceAddress.searchLambda] {
            guard let f = facts.functions[id] else { continue }
            var attributes: [ResourceState.Attribute] = [.init("handler", f.handler.map(PlanValue.string) ?? .null),
                                                         .init("timeout", f.timeout.map { .string(String($0)) } ?? .null)]
            for (k, v) in f.environment.sorted(by: { $0.key < $1.key }) where !LambdaEnvironment.volatile.contains(k) {
                attributes.append(.init("environment.\(k)", .string(v)))
            }
            resources.append(ResourceState(address: ResourceAddress.function(id), type: ResourceAddress.functionType, attributes: attributes))
        }
        // websubstack lists its affiliates in nested stacks; other stages only by their groups.
        var live: [(name: String, substack: Int?)] = facts.substacks.map { ($0.name, $0.index) }
        for name in affiliates where !live.contains(where: { $0.name == name }) {
            if Self.group(for: name, in: facts, stage: stage) != nil { live.append((name, nil)) }
        }
        for (name, index) in live {
            var attributes: [ResourceState.Attribute] = []
            if let index { attributes.append(.init("substack", .string(ResourceAddress.substack(index)))) }
            let group = Self.group(for: name, in: facts, stage: stage)
            attributes.append(.init("group", group.map { .string($0.name) } ?? .null))
            attributes.append(.init("members", .list((group?.contents.members ?? []).sorted())))
            attributes.append(.init("policy", group?.contents.policy.map { .string(PolicyDocument.canonical($0)) } ?? .null))
            attributes.append(.init("folders", .list(AccessPolicy.folders(affiliate: name).filter { facts.folders[$0] == true })))
            resources.append(ResourceState(address: ResourceAddress.affiliate(name), type: ResourceAddress.affiliateType, attributes: attributes))
        }
        self.resources = resources
    }

    static let stages = ["websubstack", "webdev", "develop"]

    /// websubstack has UserSubstack<i> nested stacks; develop/webdev are told apart by which
    /// naming their affiliate groups follow (§4.9).
    static func inferStage(_ facts: LiveFacts, affiliates: [String]) -> String? {
        let resources = facts.stack?.resources ?? []
        if !facts.substacks.isEmpty || resources.contains(where: { AWSLiveReader.substackIndex($0.logicalID) != nil }) { return "websubstack" }
        let pipeid = facts.stackName.filter { $0 != "-" }
        for r in resources where r.type == "AWS::IAM::Group" {
            if let name = r.physicalID { return name.hasSuffix(pipeid + "group") ? "webdev" : "develop" }
        }
        for name in affiliates {
            for stage in stages where (facts.groups[IAMNames.group(affiliate: name, pipeline: facts.stackName, stage: stage)] ?? nil) != nil {
                return stage
            }
        }
        return nil
    }

    /// The affiliate's group under the live stage's naming first, then any other naming.
    static func group(for affiliate: String, in facts: LiveFacts, stage: String?) -> (name: String, contents: LiveFacts.Group)? {
        for s in ([stage].compactMap { $0 } + stages) {
            let name = IAMNames.group(affiliate: affiliate, pipeline: facts.stackName, stage: s)
            if let g = facts.groups[name] ?? nil { return (name, g) }
        }
        return nil
    }
}
