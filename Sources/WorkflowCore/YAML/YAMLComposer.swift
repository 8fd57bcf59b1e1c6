internal import CLibYAML

/// A composed YAML node, as PyYAML's composer builds it: a reference type, so an alias is the
/// same object as its anchor (constructing it once, like PyYAML's `constructed_objects`, keeps
/// "billion laughs" documents cheap), with the tag and the implicit flags libyaml reports.
final class YAMLNode {
    enum Content {
        case scalar(String, plainImplicit: Bool)
        case sequence([YAMLNode])
        case mapping([(key: YAMLNode, value: YAMLNode)])
    }
    var content: Content
    /// PyYAMLConstructor's result for this node (PyYAML's `constructed_objects`), kept here rather
    /// than in a `[ObjectIdentifier: PyValue]`, whose first use costs a conformance scan (0.2M
    /// instructions).
    var constructed: PyValue?
    let tag: String?
    let line: Int
    let column: Int

    init(_ content: Content, tag: String?, line: Int, column: Int) {
        self.content = content
        self.tag = tag
        self.line = line
        self.column = column
    }
}

/// A YAML document that cannot be read, with its 1-based position when libyaml gave one.
struct YAMLComposeError: Error, CustomStringConvertible {
    let message: String
    let line: Int
    let column: Int
    var description: String { line > 0 ? "line \(line), column \(column): \(message)" : message }
}

/// libyaml events → `YAMLNode`s. Yams' own composer rejects duplicate keys (PyYAML keeps the last
/// one) and its constructor traps on complex keys, so read-yaml composes from the events itself.
enum YAMLComposer {
    /// Sequences and mappings nested deeper are refused: composing (and later constructing and
    /// printing) recurses once per level, and a hostile file of 4,000 `[` overflowed the stack.
    /// PyYAML stops earlier, with a RecursionError between 450 and 500 levels.
    public static let maxDepth = 512

    /// The single document of `text` (nil when the stream is empty), like PyYAML's `get_single_node`.
    static func compose(_ text: String) throws -> YAMLNode? {
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        defer { parser.deallocate() }
        guard yaml_parser_initialize(parser) == 1 else { throw YAMLComposeError(message: "out of memory", line: 0, column: 0) }
        defer { yaml_parser_delete(parser) }
        var bytes = Array(text.utf8)
        return try bytes.withUnsafeMutableBufferPointer { buffer in
            yaml_parser_set_input_string(parser, buffer.baseAddress, buffer.count)
            var session = Session(parser: parser)
            return try session.document()
        }
    }

    private struct Session {
        let parser: UnsafeMutablePointer<yaml_parser_t>
        var anchors: [String: YAMLNode] = [:]

        mutating func next() throws -> Event {
            let event = Event()
            guard yaml_parser_parse(parser, &event.raw) == 1 else {
                let p = parser.pointee
                let problem = p.problem.map { String(cString: $0) } ?? "invalid YAML"
                let context = p.context.map { " (\(String(cString: $0)))" } ?? ""
                throw YAMLComposeError(message: problem + context, line: Int(p.problem_mark.line) + 1,
                                       column: Int(p.problem_mark.column) + 1)
            }
            return event
        }

        mutating func document() throws -> YAMLNode? {
            _ = try next() // stream start
            var event = try next()
            if event.raw.type == YAML_STREAM_END_EVENT { return nil }
            event = try next() // past document start
            let root = try node(event, depth: 0)
            _ = try next() // document end
            let after = try next()
            if after.raw.type != YAML_STREAM_END_EVENT {
                throw YAMLComposeError(message: "expected a single document in the stream, but found another document",
                                       line: after.line, column: after.column)
            }
            return root
        }

        mutating func node(_ event: Event, depth: Int) throws -> YAMLNode {
            let e = event.raw
            if depth >= YAMLComposer.maxDepth, e.type == YAML_SEQUENCE_START_EVENT || e.type == YAML_MAPPING_START_EVENT {
                throw YAMLComposeError(message: "nesting deeper than \(YAMLComposer.maxDepth) levels is refused", line: event.line, column: event.column)
            }
            switch e.type {
            case YAML_ALIAS_EVENT:
                let name = string(e.data.alias.anchor) ?? ""
                guard let target = anchors[name] else {
                    throw YAMLComposeError(message: "found undefined alias '\(name)'", line: event.line, column: event.column)
                }
                return target
            case YAML_SCALAR_EVENT:
                let s = e.data.scalar
                let value = s.value.map { String(decoding: UnsafeBufferPointer(start: $0, count: s.length), as: UTF8.self) } ?? ""
                let node = YAMLNode(.scalar(value, plainImplicit: s.plain_implicit != 0),
                                    tag: string(s.tag), line: event.line, column: event.column)
                register(string(s.anchor), node)
                return node
            case YAML_SEQUENCE_START_EVENT:
                // Registered before its items, as PyYAML does, so an item may refer to its parent.
                let node = YAMLNode(.sequence([]), tag: string(e.data.sequence_start.tag), line: event.line, column: event.column)
                register(string(e.data.sequence_start.anchor), node)
                var items: [YAMLNode] = []
                var item = try next()
                while item.raw.type != YAML_SEQUENCE_END_EVENT {
                    items.append(try self.node(item, depth: depth + 1))
                    item = try next()
                }
                node.content = .sequence(items)
                return node
            case YAML_MAPPING_START_EVENT:
                let node = YAMLNode(.mapping([]), tag: string(e.data.mapping_start.tag), line: event.line, column: event.column)
                register(string(e.data.mapping_start.anchor), node)
                var pairs: [(key: YAMLNode, value: YAMLNode)] = []
                var keyEvent = try next()
                while keyEvent.raw.type != YAML_MAPPING_END_EVENT {
                    let key = try self.node(keyEvent, depth: depth + 1)
                    let value = try self.node(try next(), depth: depth + 1)
                    pairs.append((key, value))
                    keyEvent = try next()
                }
                node.content = .mapping(pairs)
                return node
            default:
                throw YAMLComposeError(message: "unexpected YAML event", line: event.line, column: event.column)
            }
        }

        mutating func register(_ anchor: String?, _ node: YAMLNode) {
            if let anchor { anchors[anchor] = node }
        }

        func string(_ p: UnsafeMutablePointer<yaml_char_t>?) -> String? {
            p.map { String(cString: UnsafePointer($0)) }
        }
    }

    /// Owns one libyaml event and frees it.
    private final class Event {
        var raw = yaml_event_t()
        var line: Int { Int(raw.start_mark.line) + 1 }
        var column: Int { Int(raw.start_mark.column) + 1 }
        deinit { yaml_event_delete(&raw) }
    }
}
