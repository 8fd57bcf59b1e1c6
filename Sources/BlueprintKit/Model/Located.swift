/// A typed value together with the node it came from and its JSON Pointer, so every field of the
/// model can be reported at its exact line and column.
public struct Located<Value: Sendable>: Sendable {
    public let value: Value
    public let node: Node
    public let pointer: String

    public init(_ value: Value, node: Node, pointer: String) {
        self.value = value
        self.node = node
        self.pointer = pointer
    }

    public var range: SourceRange { node.range }
}

/// A raw field: the node under a key, present even when its type is wrong, so rules can tell
/// "missing" from "has the wrong type" and typed accessors stay simple.
public struct Field: Sendable {
    public let key: String
    public let member: Node.Member
    public let pointer: String

    public var node: Node { member.value }
    public var keyRange: SourceRange { member.keyRange }

    public var string: Located<String>? { node.string.map { Located($0, node: node, pointer: pointer) } }
    public var bool: Located<Bool>? { node.bool.map { Located($0, node: node, pointer: pointer) } }
    public var integer: Located<Int>? { node.number?.integer.map { Located($0, node: node, pointer: pointer) } }
}

extension Node {
    /// The field under `key`, with its pointer built from the parent's.
    public func field(_ key: String, parentPointer: String) -> Field? {
        guard let m = member(key) else { return nil }
        return Field(key: key, member: m, pointer: JSONPointer.appending(parentPointer, key))
    }
}
