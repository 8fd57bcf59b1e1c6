import BlueprintKit

/// What the deploy would create from a blueprint (blueprint-reference §4.3–4.9): the stack and
/// bucket named PipelineName, MainLambda (and SearchLambda) with the compiled environment, and per
/// affiliate its group, members, inline policy and folders.
public struct DesiredState: Sendable {
    public let blueprint: Blueprint
    public let pipeline: String
    public let region: String
    public let stage: String?
    public let ami: String?
    public let instanceType: String?
    /// MAXCOST after default filling, in USD (nil when not a number).
    public let maxCostUSD: Double?
    public let affiliates: [Affiliate]
    public let resources: [ResourceState]

    public struct Affiliate: Sendable, Equatable {
        public let index: Int
        public let name: String
        public let group: String
        /// IAM user names: `<UserName><REGION>`.
        public let members: [String]
    }

    public init(blueprint bp: Blueprint) {
        blueprint = bp
        let pipeline = bp.pipelineNameValue ?? ""
        let config = bp.lambda?.config
        let region = config?.region?.node.string ?? bp.regionValue ?? ""
        self.pipeline = pipeline
        self.region = bp.regionValue ?? region
        stage = bp.stageValue
        ami = config?.ami?.node.string
        instanceType = config?.instanceType?.node.string
        let environment = LambdaEnvironment.compile(config)
        if case .string(let s)? = environment.first(where: { $0.key == "MAXCOST" })?.value { maxCostUSD = Double(s) } else { maxCostUSD = nil }

        var affiliates: [Affiliate] = []
        for a in bp.affiliates {
            guard let name = a.name?.node.string else { continue }
            affiliates.append(Affiliate(index: a.index, name: name, group: IAMNames.group(affiliate: name, pipeline: pipeline, stage: stage),
                                        members: a.users.map { IAMNames.user($0.value, region: region) }))
        }
        self.affiliates = affiliates

        var resources = [ResourceState(address: ResourceAddress.stack(pipeline), type: ResourceAddress.stackType, attributes: [
            .init("stage", stage.map(PlanValue.string) ?? .null, pointer: bp.stage?.pointer),
            .init("bucket", .string(pipeline), pointer: bp.pipelineName?.pointer),
        ])]
        let env = environment.map { ResourceState.Attribute("environment.\($0.key)", $0.value, pointer: $0.pointer) }
        let timeout = environment.first { $0.key == "EXECUTION_TIMEOUT" }
        resources.append(ResourceState(address: ResourceAddress.function(ResourceAddress.mainLambda), type: ResourceAddress.functionType,
                                       attributes: [.init("handler", Self.string(bp.lambda?.handler), pointer: bp.lambda?.handler?.pointer),
                                                    .init("timeout", timeout?.value ?? .null, pointer: timeout?.pointer)] + env))
        if Self.truthy(bp.lambda?.postCodeUri), Self.truthy(bp.lambda?.postHandler) {
            resources.append(ResourceState(address: ResourceAddress.function(ResourceAddress.searchLambda), type: ResourceAddress.functionType,
                                           attributes: [.init("handler", Self.string(bp.lambda?.postHandler), pointer: bp.lambda?.postHandler?.pointer),
                                                        .init("timeout", timeout?.value ?? .null, pointer: timeout?.pointer)] + env))
        }
        for (a, source) in zip(affiliates, bp.affiliates.filter { $0.name?.node.string != nil }) {
            var attributes: [ResourceState.Attribute] = []
            if stage == "websubstack" { attributes.append(.init("substack", .string(ResourceAddress.substack(a.index)), pointer: source.pointer)) }
            attributes += [
                .init("group", .string(a.group), pointer: source.name?.pointer),
                .init("members", .list(a.members.sorted()), pointer: source.userNames?.pointer),
                .init("policy", .string(AccessPolicy.document(bucket: pipeline, affiliate: a.name)), pointer: source.name?.pointer),
                .init("folders", .list(AccessPolicy.folders(affiliate: a.name)), pointer: source.name?.pointer),
            ]
            resources.append(ResourceState(address: ResourceAddress.affiliate(a.name), type: ResourceAddress.affiliateType, attributes: attributes))
        }
        self.resources = resources
    }

    /// Every IAM user the affiliates name (they must exist before a deploy, §4.5).
    public var users: [String] { affiliates.flatMap(\.members).uniquedKeepingOrder() }

    static func string(_ f: Field?) -> PlanValue { f?.node.string.map(PlanValue.string) ?? .null }

    static func truthy(_ f: Field?) -> Bool {
        guard let n = f?.node else { return false }
        if let s = n.string { return !s.isEmpty }
        return n.bool ?? false
    }
}

extension Array where Element: Hashable {
    func uniquedKeepingOrder() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
