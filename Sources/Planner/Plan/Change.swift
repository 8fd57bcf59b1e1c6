/// One resource's proposed change. The applier (issue 10) consumes these; keep names stable.
public struct Change: Sendable, Equatable, Codable {
    public enum Action: String, Sendable, Codable, CaseIterable {
        case create, update, replace, delete
        case noOp = "no-op"

        /// Terraform's symbols: + create, ~ update in place, -/+ replace, - delete.
        public var symbol: String {
            switch self {
            case .create: return "+"
            case .update: return "~"
            case .replace: return "-/+"
            case .delete: return "-"
            case .noOp: return " "
            }
        }

        public var phrase: String {
            switch self {
            case .create: return "will be created"
            case .update: return "will be updated in place"
            case .replace: return "must be replaced"
            case .delete: return "will be destroyed"
            case .noOp: return "is unchanged"
            }
        }
    }

    public let address: String
    public let type: String
    public let action: Action
    /// Why, in one phrase ("GroupName follows the affiliate's list position").
    public let reason: String?
    public let attributes: [AttributeChange]
    /// Dangerous consequences, each a sentence with its reason; rendered loudly.
    public let dangers: [String]

    public init(address: String, type: String, action: Action, reason: String? = nil, attributes: [AttributeChange], dangers: [String] = []) {
        self.address = address
        self.type = type
        self.action = action
        self.reason = reason
        self.attributes = attributes
        self.dangers = dangers
    }

    /// Attribute changes the blueprint asks for (not drift).
    public var intended: [AttributeChange] { attributes.filter { $0.origin != .outside } }
    /// Attribute changes made in AWS outside bpctl, which applying would set back.
    public var drifted: [AttributeChange] { attributes.filter { $0.origin == .outside } }

    enum CodingKeys: String, CodingKey { case address, type, action, reason, attributes, dangers }
}

/// One attribute's old → new value.
public struct AttributeChange: Sendable, Equatable, Codable {
    /// Who made the difference: the blueprint (live still equals the last committed value), or
    /// someone in AWS (live equals neither the blueprint nor its last committed version).
    public enum Origin: String, Sendable, Codable { case blueprint, outside }

    public let name: String
    public let before: PlanValue
    public let after: PlanValue
    public let origin: Origin
    /// The blueprint value's JSON Pointer, when the new value comes from one.
    public let pointer: String?
    /// For policy documents: the statements that differ.
    public let statements: [StatementChange]?

    public init(name: String, before: PlanValue, after: PlanValue, origin: Origin = .blueprint, pointer: String? = nil,
                statements: [StatementChange]? = nil) {
        self.name = name
        self.before = before
        self.after = after
        self.origin = origin
        self.pointer = pointer
        self.statements = statements
    }

    enum CodingKeys: String, CodingKey {
        case name, before, after, afterUnknown = "after_unknown", origin, pointer, statements
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        before = try c.decode(PlanValue.self, forKey: .before)
        let unknown = try c.decodeIfPresent(Bool.self, forKey: .afterUnknown) ?? false
        after = unknown ? .unknown : try c.decode(PlanValue.self, forKey: .after)
        origin = try c.decode(Origin.self, forKey: .origin)
        pointer = try c.decodeIfPresent(String.self, forKey: .pointer)
        statements = try c.decodeIfPresent([StatementChange].self, forKey: .statements)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(before, forKey: .before)
        try c.encode(after, forKey: .after)
        try c.encode(after == .unknown, forKey: .afterUnknown)
        try c.encode(origin, forKey: .origin)
        try c.encode(pointer, forKey: .pointer)
        if let statements { try c.encode(statements, forKey: .statements) }
    }
}

/// A finding about the live account that is not a change: a missing user, a deregistered AMI.
public struct PlanCheck: Sendable, Equatable, Codable {
    public enum Severity: String, Sendable, Codable { case error, warning, info }
    public let severity: Severity
    public let message: String

    public init(_ severity: Severity, _ message: String) {
        self.severity = severity
        self.message = message
    }
}
