/// One resource as the plan compares it: an address, a type and ordered attributes. Desired
/// state (from a blueprint) and live state (from AWS) are both turned into these, so one differ
/// serves `plan` (blueprint vs AWS) and `diff` (blueprint vs blueprint).
public struct ResourceState: Sendable, Equatable {
    public struct Attribute: Sendable, Equatable {
        public let name: String
        public let value: PlanValue
        /// JSON Pointer of the blueprint value it comes from (desired side only).
        public let pointer: String?

        public init(_ name: String, _ value: PlanValue, pointer: String? = nil) {
            self.name = name
            self.value = value
            self.pointer = pointer
        }
    }

    public let address: String
    public let type: String
    public var attributes: [Attribute]

    public init(address: String, type: String, attributes: [Attribute]) {
        self.address = address
        self.type = type
        self.attributes = attributes
    }

    public func attribute(_ name: String) -> Attribute? { attributes.first { $0.name == name } }
    public func value(_ name: String) -> PlanValue? { attribute(name)?.value }
}

/// Resource addresses and types, in one place so the differ, renderers and the applier agree.
public enum ResourceAddress {
    public static let stackType = "AWS::CloudFormation::Stack"
    public static let functionType = "AWS::Lambda::Function"
    public static let affiliateType = "NeuroCAAS::Affiliate"

    public static func stack(_ name: String) -> String { "stack[\"\(name)\"]" }
    public static func function(_ logicalID: String) -> String { "function[\"\(logicalID)\"]" }
    public static func affiliate(_ name: String) -> String { "affiliate[\"\(name)\"]" }

    /// The functions whose environment is the compiled LambdaConfig.
    public static let mainLambda = "MainLambda"
    public static let searchLambda = "SearchLambda"

    /// websubstack: the nested stack of the affiliate at list position i (§4.5).
    public static func substack(_ index: Int) -> String { "UserSubstack\(index)" }
}
