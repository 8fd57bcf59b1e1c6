import AWSClient
import Foundation

/// Reads the live facts a plan needs. The AWS implementation is below; tests and
/// `--refresh=false` supply facts from elsewhere.
public protocol LiveSource: Sendable {
    func read(_ request: ReadRequest, progress: ProgressSink?) async throws -> LiveFacts
}

/// Live state from AWS, in the blueprint's region, in four rounds of parallel reads (each round
/// needs ids from the one before): stack, AMI, instance type and users; the stack's resources;
/// functions and nested stacks; groups, policies and folders.
public struct AWSLiveReader: LiveSource {
    public let client: AWSClient
    public let parallelism: Int

    public init(client: AWSClient, parallelism: Int = 10) {
        self.client = client
        self.parallelism = max(1, parallelism)
    }

    private enum Fact: Sendable {
        case stack(LiveFacts.Stack?), image(LiveFacts.Image?), offered(Bool), user(String, Bool)
        case resources([LiveFacts.Resource]), function(String, LiveFacts.Function?), substack(LiveFacts.Substack?)
        case group(String, LiveFacts.Group?), folder(String, Bool)
    }

    public func read(_ request: ReadRequest, progress: ProgressSink?) async throws -> LiveFacts {
        var facts = LiveFacts(region: request.region, stackName: request.stackName)
        facts.imageID = request.ami
        facts.instanceType = request.instanceType
        let cfn = CloudFormation(client), ec2 = EC2(client), iam = IAM(client)

        var first: [@Sendable () async throws -> Fact] = [{ .stack(try await cfn.describeStack(request.stackName).map { LiveFacts.Stack(status: $0.status, resources: []) }) }]
        if let ami = request.ami { first.append { .image(try await ec2.imageDetails(ami).map { LiveFacts.Image(state: $0.state, ownerID: $0.ownerID, deprecationTime: $0.deprecationTime) }) } }
        if let type = request.instanceType, !type.isEmpty { first.append { .offered(try await ec2.describeInstanceTypeOfferings(types: [type]).contains(type)) } }
        for user in request.users { first.append { .user(user, try await iam.getUser(user) != nil) } }
        for fact in try await run("stack, AMI, instance type and users", first, progress) { apply(fact, to: &facts) }

        if facts.stack != nil {
            let resources = try await run("stack resources", [{ .resources(try await cfn.describeStackResources(request.stackName).map {
                LiveFacts.Resource(logicalID: $0.logicalID, physicalID: $0.physicalID, type: $0.type) }) }], progress)
            for fact in resources { apply(fact, to: &facts) }
        }

        var third: [@Sendable () async throws -> Fact] = []
        let lambda = Lambda(client)
        for r in facts.stack?.resources ?? [] where r.type == "AWS::Lambda::Function" || r.type == "AWS::Serverless::Function" {
            guard [ResourceAddress.mainLambda, ResourceAddress.searchLambda].contains(r.logicalID), let id = r.physicalID else { continue }
            third.append { .function(r.logicalID, try await lambda.configurationIfExists(id).map {
                LiveFacts.Function(handler: $0.handler, timeout: $0.timeout, environment: $0.environment) }) }
        }
        for r in facts.stack?.resources ?? [] where r.type == ResourceAddress.stackType {
            guard let index = Self.substackIndex(r.logicalID), let id = r.physicalID else { continue }
            third.append { .substack(try await cfn.describeStack(id).map {
                LiveFacts.Substack(index: index, name: $0.parameters["Name"] ?? "",
                                   users: ($0.parameters["UserNames"] ?? "").split(separator: ",").map { String($0) }.filter { !$0.isEmpty })
            }) }
        }
        for fact in try await run("functions and affiliate substacks", third, progress) { apply(fact, to: &facts) }
        facts.substacks.sort { $0.index < $1.index }

        // Affiliates found in nested stacks are read too, so a removed or reordered one shows.
        var groups = request.groups
        var folders = request.folders
        for s in facts.substacks {
            groups[IAMNamesBridge.group(s.name, request.stackName, "websubstack")] = s.name
            folders += AccessPolicy.folders(affiliate: s.name)
        }
        var fourth: [@Sendable () async throws -> Fact] = []
        for (group, affiliate) in groups.sorted(by: { $0.key < $1.key }) {
            fourth.append { .group(group, try await iam.groupDetails(group, policy: AccessPolicy.name(affiliate: affiliate)).map {
                LiveFacts.Group(members: $0.members, policy: $0.policy) }) }
        }
        let s3 = S3(client)
        for key in folders.uniquedKeepingOrder() {
            fourth.append { .folder(key, try await s3.headObject(bucket: request.stackName, key: key) != nil) }
        }
        for fact in try await run("groups, policies and folders", fourth, progress) { apply(fact, to: &facts) }
        progress?.finish()
        return facts
    }

    private func run(_ phase: String, _ jobs: [@Sendable () async throws -> Fact], _ progress: ProgressSink?) async throws -> [Fact] {
        progress?.begin(phase, total: jobs.count)
        return try await boundedMap(jobs, limit: parallelism) { job in
            let f = try await job()
            progress?.advance()
            return f
        }
    }

    private func apply(_ fact: Fact, to facts: inout LiveFacts) {
        switch fact {
        case .stack(let s): facts.stack = s
        case .image(let i): facts.image = i
        case .offered(let o): facts.instanceTypeOffered = o
        case .user(let u, let e): facts.users[u] = e
        case .resources(let r): facts.stack?.resources = r.sorted { $0.logicalID < $1.logicalID }
        case .function(let id, let f): if let f { facts.functions[id] = f }
        case .substack(let s): if let s { facts.substacks.append(s) }
        case .group(let g, let v): facts.groups[g] = .some(v)
        case .folder(let k, let e): facts.folders[k] = e
        }
    }

    static func substackIndex(_ logicalID: String) -> Int? {
        guard logicalID.hasPrefix("UserSubstack") else { return nil }
        return Int(logicalID.dropFirst("UserSubstack".count))
    }
}
