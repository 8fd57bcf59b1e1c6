/// The typed view of a blueprint. Every field is a `Field` (the node under its key, with position
/// and pointer), kept even when its type is wrong, so rules can report "wrong type" at the value
/// and "missing" at the parent. Keys the catalog does not know are kept in `unknownFields`.
public struct Blueprint: Sendable {
    /// The fields live in one object: a Blueprint is passed to ~45 rules and kept per file, and
    /// copying ~40 fields (each a few references) for every pass cost more than building them
    /// (2.6 M instructions of copies and destroys for the 24 shared blueprints).
    private final class Storage: Sendable {
        let source: SourceFile
        let root: Node
        let pipelineName, region, stage, metadata: Field?
        let lambda: Lambda?
        let uxData: UXData?
        let unknownFields: [Field]
        let catalogObjects: [CatalogObject]

        init(document: Document) {
            source = document.source
            root = document.root
            let r = document.root
            let index = MemberIndex(r, pointer: "", known: KnownKeys.top), s = Self.slots
            pipelineName = index.field(s[0])
            region = index.field(s[1])
            stage = index.field(s[2])
            metadata = index.field(s[3])
            unknownFields = index.unknownFields
            lambda = index.field(s[4]).flatMap(Lambda.init)
            uxData = index.field(s[5]).flatMap(UXData.init)
            catalogObjects = Blueprint.catalogObjects(root: r, lambda: lambda, uxData: uxData)
        }

        static let slots = MemberIndex.slots(["PipelineName", "REGION", "STAGE", "Metadata", "Lambda", "UXData"], in: KnownKeys.top)
    }

    private let storage: Storage

    public var source: SourceFile { storage.source }
    public var root: Node { storage.root }

    public var pipelineName: Field? { storage.pipelineName }
    public var region: Field? { storage.region }
    public var stage: Field? { storage.stage }
    public var metadata: Field? { storage.metadata }
    public var lambda: Lambda? { storage.lambda }
    public var uxData: UXData? { storage.uxData }
    public var unknownFields: [Field] { storage.unknownFields }
    /// The objects whose keys the field catalog describes, with pointers and labels.
    public var catalogObjects: [CatalogObject] { storage.catalogObjects }

    public struct Lambda: Sendable {
        public let field: Field
        public let codeUri, handler, postCodeUri, postHandler, postTrigger: Field?
        public let config: LambdaConfig?
        public let unknownFields: [Field]
    }

    public struct LambdaConfig: Sendable {
        public let field: Field
        public let ami, instanceType, region, iamRole, keyName, securityGroups, workingDirectory: Field?
        public let command, shutdownBehavior, executionTimeout, ssmTimeout, launch, deployLimit, maxCost, monitor: Field?
        public let unknownFields: [Field]
    }

    public struct UXData: Sendable {
        public let field: Field
        public let affiliatesField: Field?
        public let affiliates: [Affiliate]
        public let unknownFields: [Field]
    }

    public struct Affiliate: Sendable {
        public let index: Int
        public let node: Node
        public let pointer: String
        public let name, userNames, userInput, contactEmail: Field?
        /// The string entries of UserNames (non-strings are reported by the type rules).
        public let users: [Located<String>]
        public let unknownFields: [Field]
    }

    public init(document: Document) {
        storage = Storage(document: document)
    }

    /// Members of an object that the catalog does not list for that container. The model uses
    /// MemberIndex, which finds them in the same pass as the known fields; this is the general
    /// path the tests compare it with.
    static func unknown(in node: Node, pointer: String, known: [String]) -> [Field] {
        guard let members = node.members else { return [] }
        var out: [Field] = []
        for m in members where !known.contains(where: { $0.sameScalars(as: m.key) }) {
            out.append(Field(key: m.key, member: m, parentPointer: pointer))
        }
        return out
    }

    // MARK: convenience for rules

    /// STAGE when it is a string.
    public var stageValue: String? { stage?.node.string }
    public var handlerValue: String? { lambda?.handler?.node.string }
    public var regionValue: String? { region?.node.string }
    public var pipelineNameValue: String? { pipelineName?.node.string }
    public var affiliates: [Affiliate] { uxData?.affiliates ?? [] }
}

extension Blueprint.Lambda {
    init?(_ field: Field) {
        guard field.node.isObject else { return nil }
        self.field = field
        let index = MemberIndex(field.node, pointer: field.pointer, known: KnownKeys.lambda), s = Self.slots
        codeUri = index.field(s[0])
        handler = index.field(s[1])
        postCodeUri = index.field(s[2])
        postHandler = index.field(s[3])
        postTrigger = index.field(s[4])
        config = index.field(s[5]).flatMap(Blueprint.LambdaConfig.init)
        unknownFields = index.unknownFields
    }

    static let slots = MemberIndex.slots(["CodeUri", "Handler", "PostCodeUri", "PostHandler", "PostTrigger", "LambdaConfig"],
                                         in: KnownKeys.lambda)
}

extension Blueprint.LambdaConfig {
    init?(_ field: Field) {
        guard field.node.isObject else { return nil }
        self.field = field
        let index = MemberIndex(field.node, pointer: field.pointer, known: KnownKeys.config), s = Self.slots
        ami = index.field(s[0])
        instanceType = index.field(s[1])
        region = index.field(s[2])
        iamRole = index.field(s[3])
        keyName = index.field(s[4])
        securityGroups = index.field(s[5])
        workingDirectory = index.field(s[6])
        command = index.field(s[7])
        shutdownBehavior = index.field(s[8])
        executionTimeout = index.field(s[9])
        ssmTimeout = index.field(s[10])
        launch = index.field(s[11])
        deployLimit = index.field(s[12])
        maxCost = index.field(s[13])
        monitor = index.field(s[14])
        unknownFields = index.unknownFields
    }

    static let slots = MemberIndex.slots(["AMI", "INSTANCE_TYPE", "REGION", "IAM_ROLE", "KEY_NAME", "SECURITY_GROUPS",
                                          "WORKING_DIRECTORY", "COMMAND", "SHUTDOWN_BEHAVIOR", "EXECUTION_TIMEOUT",
                                          "SSM_TIMEOUT", "LAUNCH", "DEPLOY_LIMIT", "MAXCOST", "MONITOR"], in: KnownKeys.config)
}

extension Blueprint.UXData {
    init?(_ field: Field) {
        guard field.node.isObject else { return nil }
        self.field = field
        let index = MemberIndex(field.node, pointer: field.pointer, known: KnownKeys.uxData)
        affiliatesField = index.field(Self.affiliatesSlot)
        var list: [Blueprint.Affiliate] = []
        if let a = affiliatesField, let elements = a.node.elements {
            let ap = a.pointer
            for (i, element) in elements.enumerated() where element.isObject {
                list.append(Blueprint.Affiliate(index: i, node: element, pointer: JSONPointer.appending(ap, i)))
            }
        }
        affiliates = list
        unknownFields = index.unknownFields
    }

    static let affiliatesSlot = MemberIndex.slots(["Affiliates"], in: KnownKeys.uxData)[0]
}

extension Blueprint.Affiliate {
    init(index: Int, node: Node, pointer: String) {
        self.index = index
        self.node = node
        self.pointer = pointer
        let index = MemberIndex(node, pointer: pointer, known: KnownKeys.affiliate), s = Self.slots
        name = index.field(s[0])
        userNames = index.field(s[1])
        userInput = index.field(s[2])
        contactEmail = index.field(s[3])
        var users: [Located<String>] = []
        if let u = userNames, let elements = u.node.elements {
            users.reserveCapacity(elements.count)
            let parent = u.pointer // written once here, each user's only for a finding
            for (i, e) in elements.enumerated() {
                if let s = e.string { users.append(Located(s, node: e, deferred: DeferredPointer(parent: parent, index: i))) }
            }
        }
        self.users = users
        unknownFields = index.unknownFields
    }

    static let slots = MemberIndex.slots(["AffiliateName", "UserNames", "UserInput", "ContactEmail"], in: KnownKeys.affiliate)
}
