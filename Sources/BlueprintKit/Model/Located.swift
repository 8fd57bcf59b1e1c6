/// A JSON Pointer kept as its parent's pointer and the last step, written out only when someone
/// reads it (a finding). The model holds ~1,000 fields for the 24 shared blueprints and only a
/// few hundred findings name one: building every pointer up front cost 0.64 M instructions.
/// The text is exactly what `JSONPointer.appending` builds step by step.
public struct DeferredPointer: Sendable {
    enum Tail: Sendable {
        case none
        case key(String)
        case index(Int)
    }

    let base: String
    let tail: Tail

    /// A pointer already written out.
    public init(_ pointer: String) {
        base = pointer
        tail = .none
    }

    /// The member `key` of the value at `parent`.
    public init(parent: String, key: String) {
        base = parent
        tail = .key(key)
    }

    /// The element `index` of the array at `parent`.
    public init(parent: String, index: Int) {
        base = parent
        tail = .index(index)
    }

    public var text: String {
        switch tail {
        case .none: return base
        case .key(let k): return JSONPointer.appending(base, k)
        case .index(let i): return JSONPointer.appending(base, i)
        }
    }
}

/// A typed value together with the node it came from and its JSON Pointer, so every field of the
/// model can be reported at its exact line and column.
public struct Located<Value: Sendable>: Sendable {
    public let value: Value
    public let node: Node
    let deferredPointer: DeferredPointer

    public init(_ value: Value, node: Node, pointer: String) {
        self.value = value
        self.node = node
        self.deferredPointer = DeferredPointer(pointer)
    }

    init(_ value: Value, node: Node, deferred: DeferredPointer) {
        self.value = value
        self.node = node
        self.deferredPointer = deferred
    }

    public var pointer: String { deferredPointer.text }
    public var range: SourceRange { node.range }
}

/// A raw field: the node under a key, present even when its type is wrong, so rules can tell
/// "missing" from "has the wrong type" and typed accessors stay simple.
public struct Field: Sendable {
    public let key: String
    public let member: Node.Member
    let deferredPointer: DeferredPointer

    public init(key: String, member: Node.Member, pointer: String) {
        self.key = key
        self.member = member
        self.deferredPointer = DeferredPointer(pointer)
    }

    /// The field `key` of the object at `parentPointer`; its pointer is written when read.
    init(key: String, member: Node.Member, parentPointer: String) {
        self.key = key
        self.member = member
        self.deferredPointer = DeferredPointer(parent: parentPointer, key: key)
    }

    public var pointer: String { deferredPointer.text }
    public var node: Node { member.value }
    public var keyRange: SourceRange { member.keyRange }

    public var string: Located<String>? { node.string.map { Located($0, node: node, deferred: deferredPointer) } }
    public var bool: Located<Bool>? { node.bool.map { Located($0, node: node, deferred: deferredPointer) } }
    public var integer: Located<Int>? { node.number?.integer.map { Located($0, node: node, deferred: deferredPointer) } }
}

extension Node {
    /// The field under `key`, with its pointer built from the parent's when read.
    public func field(_ key: String, parentPointer: String) -> Field? {
        guard let m = member(key) else { return nil }
        return Field(key: key, member: m, parentPointer: parentPointer)
    }
}
