/// A JSON Pointer kept as its parent's pointer and the last step, written out only when someone
/// reads it (a finding). The model holds ~1,000 fields for the 24 shared blueprints and only a
/// few hundred findings name one: building every pointer up front cost 0.64 M instructions.
/// The text is exactly what `JSONPointer.appending` builds step by step. Plain stored
/// properties, no enum: fields are copied often (rules, the catalog walk), and an enum with a
/// String payload made every copy a switch.
public struct DeferredPointer: Sendable {
    let base: String
    /// The member appended to `base`, if any.
    let key: String?
    /// The element appended to `base` when `key` is nil and this is not negative.
    let index: Int

    /// A pointer already written out.
    public init(_ pointer: String) {
        base = pointer
        key = nil
        index = -1
    }

    /// The member `key` of the value at `parent`.
    public init(parent: String, key: String) {
        base = parent
        self.key = key
        index = -1
    }

    /// The element `index` of the array at `parent`.
    public init(parent: String, index: Int) {
        base = parent
        key = nil
        self.index = max(0, index)
    }

    public var text: String {
        if let key { return JSONPointer.appending(base, key) }
        return index >= 0 ? JSONPointer.appending(base, index) : base
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
    /// The parent's pointer (`keyed`), or the field's own.
    private let pointerBase: String
    private let keyed: Bool

    public init(key: String, member: Node.Member, pointer: String) {
        self.key = key
        self.member = member
        pointerBase = pointer
        keyed = false
    }

    /// The field `key` of the object at `parentPointer`; its pointer is written when read.
    init(key: String, member: Node.Member, parentPointer: String) {
        self.key = key
        self.member = member
        pointerBase = parentPointer
        keyed = true
    }

    public var pointer: String { keyed ? JSONPointer.appending(pointerBase, key) : pointerBase }
    var deferredPointer: DeferredPointer { keyed ? DeferredPointer(parent: pointerBase, key: key) : DeferredPointer(pointerBase) }
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
