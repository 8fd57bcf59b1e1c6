/// One canonical layout per syntax. JSON: the template's key order, 4-space indentation, one
/// member or element per line, ", " and ": " as `json.dump(indent=4)` writes (so files the
/// Python tools rewrote stay as they are), UTF-8 text unescaped, one trailing newline. YAML: the
/// same order, 2-space block style with sequences under their key, plain scalars where they
/// read back unchanged, quotes otherwise, literal blocks for multi-line text.
/// Numbers keep their source text; the result is re-parsed and must equal the input tree.
public enum CanonicalLayout {
    public static func format(_ document: Document) throws(EditError) -> [UInt8] {
        let syntax = Document.syntax(forPath: document.source.path)
        var out = ""
        switch syntax {
        case .json: json(document.root, pointer: "", indent: 0, into: &out)
        case .yaml: yamlDocument(document.root, into: &out)
        }
        if !out.hasSuffix("\n") { out += "\n" }
        let bytes = Array(out.utf8)
        guard case .success(let formatted) = Document.parse(path: document.source.path, bytes: bytes, syntax: syntax),
              formatted.root == document.root else {
            throw EditError("formatting \(document.source.path) would change its meaning; it was left as it is (please report this)")
        }
        return bytes
    }

    // MARK: JSON

    private static func json(_ node: Node, pointer: String, indent: Int, into out: inout String) {
        let pad = String(repeating: " ", count: indent + 4)
        switch node.kind {
        case .object(let members) where !members.isEmpty:
            out += "{\n"
            for (i, m) in KeyOrder.sorted(members, in: pointer).enumerated() {
                out += pad + String(decoding: JSONScalarWriter.quoted(m.key), as: UTF8.self) + ": "
                json(m.value, pointer: JSONPointer.appending(pointer, m.key), indent: indent + 4, into: &out)
                out += i == members.count - 1 ? "\n" : ",\n"
            }
            out += String(repeating: " ", count: indent) + "}"
        case .array(let elements) where !elements.isEmpty:
            out += "[\n"
            for (i, e) in elements.enumerated() {
                out += pad
                json(e, pointer: JSONPointer.appending(pointer, i), indent: indent + 4, into: &out)
                out += i == elements.count - 1 ? "\n" : ",\n"
            }
            out += String(repeating: " ", count: indent) + "]"
        case .object: out += "{}"
        case .array: out += "[]"
        case .string(let s): out += String(decoding: JSONScalarWriter.quoted(s), as: UTF8.self)
        case .number(let n): out += n.raw
        case .bool(let b): out += b ? "true" : "false"
        case .null: out += "null"
        }
    }

    // MARK: YAML

    private static func yamlDocument(_ root: Node, into out: inout String) {
        switch root.kind {
        case .object(let m) where !m.isEmpty: yamlMapping(m, pointer: "", indent: 0, into: &out)
        case .array(let e) where !e.isEmpty: yamlSequence(e, pointer: "", indent: 0, into: &out)
        default: out += inlineScalar(root, indent: 0) + "\n"
        }
    }

    /// Block mapping at `indent`; each line starts with the indentation (the caller has not
    /// written it), except that `firstInline` means the first key follows a "- " already written.
    private static func yamlMapping(_ members: [Node.Member], pointer: String, indent: Int, firstInline: Bool = false, into out: inout String) {
        let pad = String(repeating: " ", count: indent)
        for (i, m) in KeyOrder.sorted(members, in: pointer).enumerated() {
            if !(firstInline && i == 0) { out += pad }
            out += yamlKey(m.key) + ":"
            let child = JSONPointer.appending(pointer, m.key)
            switch m.value.kind {
            case .object(let sub) where !sub.isEmpty:
                out += "\n"
                yamlMapping(sub, pointer: child, indent: indent + 2, into: &out)
            case .array(let sub) where !sub.isEmpty:
                out += "\n"
                yamlSequence(sub, pointer: child, indent: indent + 2, into: &out)
            default:
                out += " " + inlineScalar(m.value, indent: indent + 2) + "\n"
            }
        }
    }

    private static func yamlSequence(_ elements: [Node], pointer: String, indent: Int, into out: inout String) {
        let pad = String(repeating: " ", count: indent)
        for (i, e) in elements.enumerated() {
            out += pad + "- "
            let child = JSONPointer.appending(pointer, i)
            switch e.kind {
            case .object(let sub) where !sub.isEmpty:
                yamlMapping(sub, pointer: child, indent: indent + 2, firstInline: true, into: &out)
            case .array(let sub) where !sub.isEmpty:
                out += "\n"
                yamlSequence(sub, pointer: child, indent: indent + 2, into: &out)
            default:
                out += inlineScalar(e, indent: indent + 2) + "\n"
            }
        }
    }

    private static func yamlKey(_ key: String) -> String {
        YAMLScalarWriter.isPlainSafe(key) ? key : String(decoding: YAMLScalarWriter.doubleQuoted(key), as: UTF8.self)
    }

    /// A scalar (or empty container) after "key: " or "- ".
    private static func inlineScalar(_ node: Node, indent: Int) -> String {
        switch node.kind {
        case .object: return "{}"
        case .array: return "[]"
        case .string(let s):
            if YAMLScalarWriter.isPlainSafe(s) { return s }
            if s.contains("\n"), let block = YAMLScalarWriter.literalBlock(s, indent: indent) {
                return String(decoding: block, as: UTF8.self)
            }
            if YAMLScalarWriter.isSingleQuoteSafe(s) { return String(decoding: YAMLScalarWriter.singleQuoted(s), as: UTF8.self) }
            return String(decoding: YAMLScalarWriter.doubleQuoted(s), as: UTF8.self)
        case .number(let n): return n.raw
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        }
    }
}
