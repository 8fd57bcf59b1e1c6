import AWSClient
import Foundation

/// Everything read from AWS for one plan, as plain data: saved in plan files (for
/// `--refresh=false` and staleness checks) and turned into resource states by LiveState.
public struct LiveFacts: Codable, Sendable, Equatable {
    public var region: String
    public var stackName: String
    /// nil: there is no such stack in the region.
    public var stack: Stack?
    /// Logical id → configuration, for the stack's Lambda functions that could be read.
    public var functions: [String: Function] = [:]
    /// websubstack: one nested stack per affiliate, by list position.
    public var substacks: [Substack] = []
    public var imageID: String?
    /// nil when the AMI was not found (or no AMI was asked for).
    public var image: Image?
    public var instanceType: String?
    public var instanceTypeOffered: Bool?
    /// IAM user name → exists.
    public var users: [String: Bool] = [:]
    /// Group name → contents, for every group asked about; nil: no such group.
    public var groups: [String: Group?] = [:]
    /// Folder key in the bucket → exists.
    public var folders: [String: Bool] = [:]

    public struct Stack: Codable, Sendable, Equatable {
        public var status: String
        public var resources: [Resource]
    }

    public struct Resource: Codable, Sendable, Equatable {
        public var logicalID: String
        public var physicalID: String?
        public var type: String

        enum CodingKeys: String, CodingKey { case logicalID = "logical_id", physicalID = "physical_id", type }
    }

    public struct Function: Codable, Sendable, Equatable {
        public var handler: String?
        public var timeout: Int?
        public var environment: [String: String]
    }

    public struct Substack: Codable, Sendable, Equatable {
        public var index: Int
        public var name: String
        public var users: [String]
    }

    public struct Image: Codable, Sendable, Equatable {
        public var state: String
        public var ownerID: String?
        public var deprecationTime: String?

        enum CodingKeys: String, CodingKey { case state, ownerID = "owner_id", deprecationTime = "deprecation_time" }
    }

    public struct Group: Codable, Sendable, Equatable {
        public var members: [String]
        /// The inline policy `<affiliate>policy`, nil when the group has none.
        public var policy: String?
    }

    enum CodingKeys: String, CodingKey {
        case region, stackName = "stack_name", stack, functions, substacks, imageID = "image_id", image
        case instanceType = "instance_type", instanceTypeOffered = "instance_type_offered", users, groups, folders
    }

    public init(region: String, stackName: String) {
        self.region = region
        self.stackName = stackName
    }

    /// One (key, canonical JSON) pair per fact, the unit of plan fingerprints and staleness.
    public var entries: [(key: String, value: String)] {
        var out: [(String, String)] = [("stack \(stackName)", Self.canonical(stack))]
        for (k, v) in functions.sorted(by: { $0.key < $1.key }) { out.append(("function \(k)", Self.canonical(v))) }
        for s in substacks { out.append(("substack \(ResourceAddress.substack(s.index))", Self.canonical(s))) }
        if let imageID { out.append(("image \(imageID)", Self.canonical(image))) }
        if let instanceType { out.append(("instance type \(instanceType) offered", Self.canonical(instanceTypeOffered))) }
        for (k, v) in users.sorted(by: { $0.key < $1.key }) { out.append(("user \(k)", v ? "exists" : "absent")) }
        for (k, v) in groups.sorted(by: { $0.key < $1.key }) { out.append(("group \(k)", Self.canonical(v))) }
        for (k, v) in folders.sorted(by: { $0.key < $1.key }) { out.append(("folder \(k)", v ? "exists" : "absent")) }
        return out
    }

    /// sha256 of each fact's canonical form.
    public var fingerprints: [String: String] {
        Dictionary(entries.map { ($0.key, Crypto.hex(Crypto.sha256(Array($0.value.utf8)))) }, uniquingKeysWith: { a, _ in a })
    }

    static func canonical<T: Encodable>(_ value: T?) -> String {
        guard let value else { return "absent" }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "unencodable"
    }
}
