/// A new value for one scalar of a blueprint.
public enum ScalarValue: Sendable, Equatable, CustomStringConvertible {
    case string(String)
    case integer(Int)
    /// A number written as given ("0.5", "1e3"); it must be a valid JSON number.
    case number(String)
    case bool(Bool)
    case null

    /// The tree node this value parses to, for checking the edited file.
    var kind: Node.Kind {
        switch self {
        case .string(let s): return .string(s)
        case .integer(let i): return .number(Node.Number(raw: String(i), value: Double(i)))
        case .number(let raw): return .number(Node.Number(raw: raw, value: Double(raw) ?? .nan))
        case .bool(let b): return .bool(b)
        case .null: return .null
        }
    }

    public var description: String {
        switch self {
        case .string(let s): return "\"\(s)\""
        case .integer(let i): return String(i)
        case .number(let raw): return raw
        case .bool(let b): return String(b)
        case .null: return "null"
        }
    }
}

/// Why an edit was not made. The file is never touched when this is thrown.
public struct EditError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// The result of one byte-preserving edit: the new file bytes, the byte range the old value
/// occupied in the input and the range its replacement occupies in the output. Every byte
/// outside those ranges is identical.
public struct ScalarEdit: Sendable {
    public let bytes: [UInt8]
    public let replaced: SourceRange
    public let replacement: SourceRange
    /// The edited file, parsed (already checked against the expected tree).
    public let document: Document
}

/// Changes one scalar of a parsed blueprint by rewriting only that value's bytes, as the
/// applier does for `Lambda.LambdaConfig.AMI`. JSON values are written with JSON escaping; YAML
/// values keep their style (plain, single- or double-quoted, literal block) when the new value
/// can be written in it, and are quoted otherwise. The result is re-parsed and must equal the old
/// tree with just that value changed, so an edit can never change anything else.
public enum ScalarEditor {
    public static func replace(_ pointer: String, with value: ScalarValue, in document: Document) throws(EditError) -> ScalarEdit {
        guard let target = JSONPointer.resolve(pointer, in: document.root) else {
            throw EditError("\(document.source.path) has no value at \(display(pointer))")
        }
        if target.isObject || target.elements != nil {
            throw EditError("\(display(pointer)) in \(document.source.path) is \(target.shortDescription), not a single value")
        }
        if case .number(let raw) = value, !JSONNumber.isValid(raw) {
            throw EditError("\(raw) is not a number")
        }
        let bytes = document.source.bytes
        let syntax = Document.syntax(forPath: document.source.path)
        let range: SourceRange
        let text: [UInt8]
        switch syntax {
        case .json:
            range = target.range
            text = JSONScalarWriter.encode(value)
        case .yaml:
            guard let extent = YAMLScalarExtent.find(target, in: document.source) else {
                throw EditError("the value at \(display(pointer)) (\(document.source.path):\(document.source.location(of: target.range.start))) " +
                                "uses YAML syntax bpctl does not rewrite in place (an anchor, alias or tag); edit it by hand")
            }
            range = extent.range
            text = YAMLScalarWriter.encode(value, replacing: extent, in: document.source)
        }
        var out = Array(bytes[..<range.start])
        out.append(contentsOf: text)
        out.append(contentsOf: bytes[range.end...])
        let edited: Document
        switch Document.parse(path: document.source.path, bytes: out, syntax: syntax) {
        case .success(let d): edited = d
        case .failure(let e):
            throw EditError("writing \(value) at \(display(pointer)) would make \(document.source.path) unreadable (\(e.error.message)); nothing was changed")
        }
        let expected = Self.tree(document.root, replacing: pointer, with: Node(value.kind, .at(0)))
        guard edited.root == expected, sameKind(JSONPointer.resolve(pointer, in: edited.root), value) else {
            throw EditError("writing \(value) at \(display(pointer)) would change \(document.source.path) in other ways; nothing was changed")
        }
        return ScalarEdit(bytes: out, replaced: range,
                          replacement: SourceRange(start: range.start, end: range.start + text.count), document: edited)
    }

    /// Read, edit and atomically rewrite a file, keeping its permissions.
    @discardableResult
    public static func replace(_ pointer: String, with value: ScalarValue, inFile path: String) throws -> ScalarEdit {
        let document: Document
        switch Document.load(path: path) {
        case .success(let d): document = d
        case .failure(let e):
            let at = e.source.location(of: e.error.offset)
            throw EditError("\(path):\(at): \(e.error.message)")
        }
        let edit = try replace(pointer, with: value, in: document)
        try AtomicFile.write(edit.bytes, to: path)
        return edit
    }

    /// The old tree with one value swapped (for the post-edit comparison).
    static func tree(_ node: Node, replacing pointer: String, with value: Node) -> Node {
        guard let tokens = JSONPointer.tokens(pointer) else { return node }
        return swap(node, tokens[...], value)
    }

    private static func swap(_ node: Node, _ tokens: ArraySlice<String>, _ value: Node) -> Node {
        guard let first = tokens.first else { return value }
        let rest = tokens.dropFirst()
        if let members = node.members {
            return Node(.object(members.map { $0.key == first ? Node.Member(key: $0.key, keyRange: $0.keyRange, value: swap($0.value, rest, value)) : $0 }), node.range)
        }
        if let elements = node.elements, let i = Int(first) {
            return Node(.array(elements.enumerated().map { $0.offset == i ? swap($0.element, rest, value) : $0.element }), node.range)
        }
        return node
    }

    /// Node equality treats 1 and 1.0 alike; the edited value must also keep its JSON type.
    private static func sameKind(_ node: Node?, _ value: ScalarValue) -> Bool {
        guard let node else { return false }
        switch value {
        case .string: return node.string != nil
        case .integer, .number: return node.number != nil
        case .bool: return node.bool != nil
        case .null: return node.isNull
        }
    }

    static func display(_ pointer: String) -> String {
        let dotted = JSONPointer.dotted(pointer)
        return dotted.isEmpty ? "the top level" : dotted
    }
}

/// RFC 8259 number syntax, for values given as text.
enum JSONNumber {
    static func isValid(_ raw: String) -> Bool {
        guard let node = try? JSONParser.parse(Array(raw.utf8)), node.number != nil else { return false }
        return true
    }
}
