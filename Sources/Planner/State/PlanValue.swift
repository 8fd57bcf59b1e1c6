import BlueprintKit

/// An attribute value in a plan: a string, a list of strings, absent, or not known until apply
/// (Terraform's "(known after apply)").
public enum PlanValue: Sendable, Equatable, Hashable {
    case string(String)
    case list([String])
    case null
    case unknown

    public var isKnown: Bool { self != .unknown }

    /// How the text renderer writes the value.
    public var display: String {
        switch self {
        case .string(let s): return Self.quote(s)
        case .list(let l): return "[" + l.map(Self.quote).joined(separator: ", ") + "]"
        case .null: return "null"
        case .unknown: return "(known after apply)"
        }
    }

    /// A JSON string literal: control characters in a value (a CR in a COMMAND, an ESC) are
    /// escaped, never written raw to a terminal or a CI log.
    static func quote(_ s: String) -> String { JSONOut.quoted(s) }
}

extension PlanValue: Codable {
    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null } else if let s = try? c.decode(String.self) { self = .string(s) } else {
            self = .list(try c.decode([String].self))
        }
    }

    /// `.unknown` is written as null; AttributeChange carries `after_unknown` beside it.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .string(let s): try c.encode(s)
        case .list(let l): try c.encode(l)
        case .null, .unknown: try c.encodeNil()
        }
    }
}
