/// Loads YAML blueprints into the same positioned tree as JSON: libyaml's events composed as
/// Yams composed them (YAMLComposer), converted here. Marks give line:column of each node's
/// start; we map them back to byte offsets.
enum YAMLLoader {
    /// Aliases are expanded while converting; this bounds "billion laughs" documents.
    static let maxNodes = 1_000_000

    static func load(_ source: SourceFile, text: String) throws(ParseError) -> Node {
        let root: YAMLComposed?
        do {
            root = try YAMLComposer.compose(text)
        } catch {
            throw convert(error, source, text: text)
        }
        guard let root else {
            throw ParseError("the file is empty", at: 0, hint: "a blueprint is one mapping: PipelineName: ...")
        }
        var budget = maxNodes
        return try convert(root, source, depth: 0, budget: &budget)
    }

    private static func offset(_ mark: YAMLMark, _ source: SourceFile) -> Int {
        source.offset(line: mark.line, column: mark.column)
    }

    private static func convert(_ node: YAMLComposed, _ source: SourceFile, depth: Int, budget: inout Int) throws(ParseError) -> Node {
        let start = offset(node.mark, source)
        budget -= 1
        if budget < 0 {
            throw ParseError("the YAML expands to more than \(maxNodes) values (aliases nested too deep)", at: start,
                             hint: "blueprints do not need anchors and aliases; write the values out")
        }
        if depth > InputLimits.maxDepth {
            throw ParseError("nesting is deeper than \(InputLimits.maxDepth) levels", at: start,
                             hint: "blueprints nest a few levels; this file is probably not a blueprint")
        }
        switch node.content {
        case .mapping(let mapping):
            var members: [Node.Member] = []
            var seen: [ScalarKey: Int] = [:]
            for (key, value) in mapping {
                let keyStart = offset(key.mark, source)
                guard case .scalar(let keyText, _) = key.content else {
                    throw ParseError("mapping keys must be plain strings", at: keyStart)
                }
                if let first = seen[ScalarKey(keyText)] {
                    throw ParseError("duplicate key \"\(keyText)\"", at: keyStart,
                                     hint: "YAML readers keep only one of them; delete or rename one",
                                     related: .init(message: "first defined here", offset: first))
                }
                seen[ScalarKey(keyText)] = keyStart
                let keyRange = SourceRange(start: keyStart, end: keyStart + keyText.utf8.count)
                members.append(Node.Member(key: keyText, keyRange: keyRange,
                                           value: try convert(value, source, depth: depth + 1, budget: &budget)))
            }
            return Node(.object(members), .at(start))
        case .sequence(let sequence):
            var elements: [Node] = []
            for item in sequence {
                elements.append(try convert(item, source, depth: depth + 1, budget: &budget))
            }
            return Node(.array(elements), .at(start))
        case .scalar(let text, let style):
            let length = text.utf8.count
            let end: Int
            switch style {
            case plainStyle: end = start + length
            case singleQuotedStyle, doubleQuotedStyle: end = start + length + 2
            default: end = start
            }
            return Node(scalarKind(text, style: style, tag: node.effectiveTag), SourceRange(start: start, end: end))
        }
    }

    /// libyaml's `yaml_scalar_style_t` values.
    static let plainStyle = 1, singleQuotedStyle = 2, doubleQuotedStyle = 3

    /// Plain scalars resolve like YAML 1.1 (as Yams and PyYAML do); quoted ones are strings.
    /// The order and the checks are Yams' `node.null/bool/int/float` (only `bool` looks at an
    /// explicit `!!str`).
    private static func scalarKind(_ text: String, style: Int, tag: String) -> Node.Kind {
        guard style == plainStyle else { return .string(text) }
        if YAML11Scalar.isNull(text) { return .null }
        if tag != YAML11Scalar.strTag, let b = YAML11Scalar.bool(text) { return .bool(b) }
        if let v = YAML11Scalar.int(text) { return .number(Node.Number(raw: String(v), value: Double(v))) }
        if let v = YAML11Scalar.float(text), v.isFinite { return .number(Node.Number(raw: text, value: v)) }
        return .string(text)
    }

    /// The messages the loader gave for Yams' errors, with the same positions.
    private static func convert(_ error: YAMLComposeFailure, _ source: SourceFile, text: String) -> ParseError {
        switch error {
        case .read(.syntax(let problem, let context, let mark)), .composer(let problem, let context, let mark):
            var message = problem
            if let context { message = "\(problem) (\(context.text) at \(context.mark.line):\(context.mark.column))" }
            return ParseError("invalid YAML: \(message)", at: source.offset(line: mark.line, column: mark.column),
                              hint: "check indentation and quoting on this line")
        case .duplicateKeys(let names, let mark):
            return ParseError("duplicate key \(names.map { "\"\($0)\"" }.joined(separator: ", "))",
                              at: source.offset(line: mark.line, column: mark.column),
                              hint: "YAML readers keep only one of them; delete or rename one")
        case .read(.reader(let problem, let byteOffset)):
            // Yams turned libyaml's byte offset into a count of Characters (nil, shown as 0, off a
            // Character boundary); the loader used that count as the offset.
            let index = text.utf8.index(text.utf8.startIndex, offsetBy: byteOffset, limitedBy: text.utf8.endIndex)?.samePosition(in: text)
            return ParseError("invalid YAML input: \(problem)", at: index.map { text.distance(from: text.startIndex, to: $0) } ?? 0)
        case .read(.memory):
            return ParseError("could not read YAML: Memory error", at: 0)
        }
    }
}
