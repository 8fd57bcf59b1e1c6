import Yams
@testable import BlueprintKit

/// The YAML loader as it was on Yams (main at 10a0a96), kept as the reference YAMLLoader is
/// compared with (YAMLLoaderEquivalenceTests).
/// Yams marks give line:column of each node's start; we map them back to byte offsets.
enum YamsReferenceLoader {
    /// Aliases are expanded while converting; this bounds "billion laughs" documents.
    static let maxNodes = 1_000_000

    static func load(_ source: SourceFile, text: String) throws(ParseError) -> BlueprintKit.Node {
        let root: Yams.Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw convert(error, source)
        } catch {
            throw ParseError("could not read YAML: \(error)", at: 0)
        }
        guard let root else {
            throw ParseError("the file is empty", at: 0, hint: "a blueprint is one mapping: PipelineName: ...")
        }
        var budget = maxNodes
        return try convert(root, source, depth: 0, budget: &budget)
    }

    private static func offset(_ mark: Mark?, _ source: SourceFile) -> Int {
        guard let mark else { return 0 }
        return source.offset(line: mark.line, column: mark.column)
    }

    private static func convert(_ node: Yams.Node, _ source: SourceFile, depth: Int, budget: inout Int) throws(ParseError) -> BlueprintKit.Node {
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
        switch node {
        case .mapping(let mapping):
            var members: [BlueprintKit.Node.Member] = []
            var seen: [ScalarKey: Int] = [:]
            for (key, value) in mapping {
                let keyStart = offset(key.mark, source)
                guard case .scalar(let keyScalar) = key else {
                    throw ParseError("mapping keys must be plain strings", at: keyStart)
                }
                if let first = seen[ScalarKey(keyScalar.string)] {
                    throw ParseError("duplicate key \"\(keyScalar.string)\"", at: keyStart,
                                     hint: "YAML readers keep only one of them; delete or rename one",
                                     related: .init(message: "first defined here", offset: first))
                }
                seen[ScalarKey(keyScalar.string)] = keyStart
                let keyRange = SourceRange(start: keyStart, end: keyStart + keyScalar.string.utf8.count)
                members.append(BlueprintKit.Node.Member(key: keyScalar.string, keyRange: keyRange,
                                           value: try convert(value, source, depth: depth + 1, budget: &budget)))
            }
            return BlueprintKit.Node(.object(members), .at(start))
        case .sequence(let sequence):
            var elements: [BlueprintKit.Node] = []
            for item in sequence {
                elements.append(try convert(item, source, depth: depth + 1, budget: &budget))
            }
            return BlueprintKit.Node(.array(elements), .at(start))
        case .scalar(let scalar):
            let length = scalar.string.utf8.count
            let end: Int
            switch scalar.style {
            case .plain: end = start + length
            case .singleQuoted, .doubleQuoted: end = start + length + 2
            default: end = start
            }
            return BlueprintKit.Node(scalarKind(node, scalar), SourceRange(start: start, end: end))
        case .alias:
            // Yams resolves aliases while composing, so this is not reached in practice.
            return BlueprintKit.Node(.null, .at(start))
        }
    }

    /// Plain scalars resolve like YAML 1.1 (as Yams and PyYAML do); quoted ones are strings.
    private static func scalarKind(_ node: Yams.Node, _ scalar: Yams.Node.Scalar) -> BlueprintKit.Node.Kind {
        guard scalar.style == .plain else { return .string(scalar.string) }
        if node.null != nil { return .null }
        if let b = node.bool { return .bool(b) }
        if let v = node.int { return .number(BlueprintKit.Node.Number(raw: String(v), value: Double(v))) }
        if let v = node.float, v.isFinite { return .number(BlueprintKit.Node.Number(raw: scalar.string, value: v)) }
        return .string(scalar.string)
    }

    private static func convert(_ error: YamlError, _ source: SourceFile) -> ParseError {
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            var message = problem
            if let context { message = "\(problem) (\(context.text) at \(context.mark.line):\(context.mark.column))" }
            return ParseError("invalid YAML: \(message)", at: source.offset(line: mark.line, column: mark.column),
                              hint: "check indentation and quoting on this line")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return ParseError("duplicate key \(duplicates.map { "\"\($0)\"" }.joined(separator: ", "))",
                              at: source.offset(line: context.mark.line, column: context.mark.column),
                              hint: "YAML readers keep only one of them; delete or rename one")
        case .reader(let problem, let offset, _, _):
            return ParseError("invalid YAML input: \(problem)", at: offset ?? 0)
        default:
            return ParseError("could not read YAML: \(error)", at: 0)
        }
    }
}
