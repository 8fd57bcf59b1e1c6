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
            pipelineName = r.field("PipelineName", parentPointer: "")
            region = r.field("REGION", parentPointer: "")
            stage = r.field("STAGE", parentPointer: "")
            metadata = r.field("Metadata", parentPointer: "")
            unknownFields = Blueprint.unknown(in: r, pointer: "", known: FieldCatalog.topKeys)
            lambda = r.field("Lambda", parentPointer: "").flatMap(Lambda.init)
            uxData = r.field("UXData", parentPointer: "").flatMap(UXData.init)
            catalogObjects = Blueprint.catalogObjects(root: r, lambda: lambda, uxData: uxData)
        }
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

    /// Members of an object that the catalog does not list for that container.
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
        let n = field.node, p = field.pointer
        codeUri = n.field("CodeUri", parentPointer: p)
        handler = n.field("Handler", parentPointer: p)
        postCodeUri = n.field("PostCodeUri", parentPointer: p)
        postHandler = n.field("PostHandler", parentPointer: p)
        postTrigger = n.field("PostTrigger", parentPointer: p)
        config = n.field("LambdaConfig", parentPointer: p).flatMap(Blueprint.LambdaConfig.init)
        unknownFields = Blueprint.unknown(in: n, pointer: p, known: FieldCatalog.lambdaKeys)
    }
}

extension Blueprint.LambdaConfig {
    init?(_ field: Field) {
        guard field.node.isObject else { return nil }
        self.field = field
        let n = field.node, p = field.pointer
        ami = n.field("AMI", parentPointer: p)
        instanceType = n.field("INSTANCE_TYPE", parentPointer: p)
        region = n.field("REGION", parentPointer: p)
        iamRole = n.field("IAM_ROLE", parentPointer: p)
        keyName = n.field("KEY_NAME", parentPointer: p)
        securityGroups = n.field("SECURITY_GROUPS", parentPointer: p)
        workingDirectory = n.field("WORKING_DIRECTORY", parentPointer: p)
        command = n.field("COMMAND", parentPointer: p)
        shutdownBehavior = n.field("SHUTDOWN_BEHAVIOR", parentPointer: p)
        executionTimeout = n.field("EXECUTION_TIMEOUT", parentPointer: p)
        ssmTimeout = n.field("SSM_TIMEOUT", parentPointer: p)
        launch = n.field("LAUNCH", parentPointer: p)
        deployLimit = n.field("DEPLOY_LIMIT", parentPointer: p)
        maxCost = n.field("MAXCOST", parentPointer: p)
        monitor = n.field("MONITOR", parentPointer: p)
        unknownFields = Blueprint.unknown(in: n, pointer: p, known: FieldCatalog.configKeys)
    }
}

extension Blueprint.UXData {
    init?(_ field: Field) {
        guard field.node.isObject else { return nil }
        self.field = field
        let p = field.pointer
        affiliatesField = field.node.field("Affiliates", parentPointer: p)
        var list: [Blueprint.Affiliate] = []
        if let a = affiliatesField, let elements = a.node.elements {
            let ap = a.pointer
            for (i, element) in elements.enumerated() where element.isObject {
                list.append(Blueprint.Affiliate(index: i, node: element, pointer: JSONPointer.appending(ap, i)))
            }
        }
        affiliates = list
        unknownFields = Blueprint.unknown(in: field.node, pointer: p, known: FieldCatalog.uxDataKeys)
    }
}

extension Blueprint.Affiliate {
    init(index: Int, node: Node, pointer: String) {
        self.index = index
        self.node = node
        self.pointer = pointer
        name = node.field("AffiliateName", parentPointer: pointer)
        userNames = node.field("UserNames", parentPointer: pointer)
        userInput = node.field("UserInput", parentPointer: pointer)
        contactEmail = node.field("ContactEmail", parentPointer: pointer)
        var users: [Located<String>] = []
        if let u = userNames, let elements = u.node.elements {
            let parent = u.pointer // written once here, each user's only for a finding
            for (i, e) in elements.enumerated() {
                if let s = e.string { users.append(Located(s, node: e, deferred: DeferredPointer(parent: parent, index: i))) }
            }
        }
        self.users = users
        unknownFields = Blueprint.unknown(in: node, pointer: pointer, known: FieldCatalog.affiliateKeys)
    }
}
