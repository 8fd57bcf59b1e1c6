internal import CLibYAML

/// A 1-based position as libyaml reports it (columns count Unicode scalars).
struct YAMLMark {
    let line: Int
    let column: Int

    init(_ m: yaml_mark_t) {
        line = Int(m.line) + 1
        column = Int(m.column) + 1
    }

    init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}

/// One libyaml event, copied out of the C struct.
enum YAMLEvent {
    case streamEnd
    case documentStart(mark: YAMLMark)
    case documentEnd
    case alias(anchor: String, mark: YAMLMark)
    /// `tag` is "" when libyaml leaves it to the resolver (Yams' implicit tag).
    case scalar(value: String, anchor: String?, tag: String, style: Int, mark: YAMLMark)
    case sequenceStart(anchor: String?, tag: String, mark: YAMLMark)
    case sequenceEnd
    case mappingStart(anchor: String?, tag: String, mark: YAMLMark)
    case mappingEnd
    case other
}

/// Why libyaml stopped, as Yams' YamlError carried it.
enum YAMLReadError: Error {
    case reader(problem: String, byteOffset: Int)
    case syntax(problem: String, context: (text: String, mark: YAMLMark)?, mark: YAMLMark)
    case memory
}

/// libyaml's event API (the system library, linked statically) as Yams drove it: UTF-8 input,
/// one `yaml_parser_parse` per event. Yams bundles libyaml 0.2.5 with two later upstream fixes
/// (a nesting limit of 1,000 and `[ ? ]`); Debian's libyaml 0.2.5 has neither, so both are
/// reproduced here with the same events, messages and marks. Where the linked libyaml already
/// has them (a binary that also links Yams' copy) the emulation never triggers.
final class YAMLEventReader {
    /// Yams' libyaml: `MAX_NESTING_LEVEL`.
    static let maxNestingLevel = 1_000

    private let parser: UnsafeMutablePointer<yaml_parser_t>
    /// The text's bytes, owned here: libyaml keeps the pointer until the parser is deleted.
    private let input: UnsafeMutableBufferPointer<UInt8>

    init(_ text: String) throws(YAMLReadError) {
        input = .allocate(capacity: text.utf8.count)
        _ = input.initialize(from: text.utf8)
        parser = .allocate(capacity: 1)
        guard yaml_parser_initialize(parser) == 1 else {
            parser.deallocate()
            input.deallocate()
            throw .memory
        }
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(parser, input.baseAddress, input.count)
        _ = try next() // stream start
    }

    deinit {
        yaml_parser_delete(parser)
        parser.deallocate()
        input.deallocate()
    }

    var streamEndProduced: Bool { parser.pointee.stream_end_produced != 0 }

    func next() throws(YAMLReadError) -> YAMLEvent {
        if parser.pointee.state == YAML_PARSE_FLOW_SEQUENCE_ENTRY_MAPPING_KEY_STATE, let event = try closedExplicitKey() {
            return event
        }
        var raw = yaml_event_t()
        guard yaml_parser_parse(parser, &raw) == 1 else { throw failure() }
        defer { yaml_event_delete(&raw) }
        switch raw.type {
        case YAML_STREAM_END_EVENT: return .streamEnd
        case YAML_DOCUMENT_START_EVENT: return .documentStart(mark: YAMLMark(raw.start_mark))
        case YAML_DOCUMENT_END_EVENT: return .documentEnd
        case YAML_ALIAS_EVENT:
            return .alias(anchor: Self.string(raw.data.alias.anchor) ?? "", mark: YAMLMark(raw.start_mark))
        case YAML_SCALAR_EVENT:
            let s = raw.data.scalar
            let tag = s.quoted_implicit == 1 ? YAML11Scalar.strTag : (Self.string(s.tag) ?? "")
            return .scalar(value: Self.value(s.value, s.length), anchor: Self.string(s.anchor), tag: tag,
                           style: Int(s.style.rawValue), mark: YAMLMark(raw.start_mark))
        case YAML_SEQUENCE_START_EVENT:
            try checkNesting(raw)
            let s = raw.data.sequence_start
            return .sequenceStart(anchor: Self.string(s.anchor), tag: s.implicit != 0 ? "" : (Self.string(s.tag) ?? ""),
                                  mark: YAMLMark(raw.start_mark))
        case YAML_SEQUENCE_END_EVENT: return .sequenceEnd
        case YAML_MAPPING_START_EVENT:
            try checkNesting(raw)
            let m = raw.data.mapping_start
            return .mappingStart(anchor: Self.string(m.anchor), tag: m.implicit != 0 ? "" : (Self.string(m.tag) ?? ""),
                                 mark: YAMLMark(raw.start_mark))
        case YAML_MAPPING_END_EVENT: return .mappingEnd
        default: return .other
        }
    }

    /// libyaml upstream 588eabf ("Handle closing flow sequence after explicit key"): in `[ ? ]`
    /// the `]` ends the implicit pair with an empty key instead of being swallowed.
    private func closedExplicitKey() throws(YAMLReadError) -> YAMLEvent? {
        if parser.pointee.token_available == 0 {
            guard yaml_parser_fetch_more_tokens(parser) == 1 else { throw failure() }
        }
        guard let token = parser.pointee.tokens.head, token.pointee.type == YAML_FLOW_SEQUENCE_END_TOKEN else { return nil }
        parser.pointee.state = YAML_PARSE_FLOW_SEQUENCE_ENTRY_MAPPING_VALUE_STATE
        return .scalar(value: "", anchor: nil, tag: "", style: Int(YAML_PLAIN_SCALAR_STYLE.rawValue),
                       mark: YAMLMark(token.pointee.start_mark))
    }

    /// libyaml upstream 51843fe ("Limit depth of nesting by default"): a collection started where
    /// the scanner's indentation levels and flow level reach 1,000 is refused. Only collections
    /// started by a node (not the pair of `[a: b]`, not an indentless sequence) are checked.
    private func checkNesting(_ raw: yaml_event_t) throws(YAMLReadError) {
        let p = parser.pointee
        let flow: Bool
        switch p.state {
        case YAML_PARSE_FLOW_SEQUENCE_FIRST_ENTRY_STATE, YAML_PARSE_FLOW_MAPPING_FIRST_KEY_STATE: flow = true
        case YAML_PARSE_BLOCK_SEQUENCE_FIRST_ENTRY_STATE, YAML_PARSE_BLOCK_MAPPING_FIRST_KEY_STATE: flow = false
        default: return
        }
        let indents = p.indents.top - p.indents.start
        guard indents >= Self.maxNestingLevel - Int(p.flow_level) else { return }
        // The token that started the collection: `[`/`{` (one character, ending at the event's
        // end), or a block start, which libyaml gives no width.
        var problem = YAMLMark(raw.end_mark)
        if flow { problem = YAMLMark(line: problem.line, column: problem.column - 1) }
        throw .syntax(problem: "Maximum nesting level reached, set with yaml_set_max_nest_level())",
                      context: ("while parsing", YAMLMark(raw.start_mark)), mark: problem)
    }

    private func failure() -> YAMLReadError {
        let p = parser.pointee
        let problem = p.problem.map { String(cString: $0) } ?? ""
        switch p.error {
        case YAML_READER_ERROR:
            return .reader(problem: problem, byteOffset: Int(p.problem_offset))
        case YAML_SCANNER_ERROR, YAML_PARSER_ERROR, YAML_COMPOSER_ERROR:
            let context = p.context.map { (String(cString: $0), YAMLMark(p.context_mark)) }
            return .syntax(problem: problem, context: context, mark: YAMLMark(p.problem_mark))
        default:
            return .memory
        }
    }

    private static func string(_ p: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        p.map { String(cString: UnsafePointer($0)) }
    }

    /// A scalar's bytes as Yams decoded them (`String(bytes:encoding: .utf8)`, which drops one
    /// leading byte order mark).
    private static func value(_ p: UnsafeMutablePointer<yaml_char_t>?, _ length: Int) -> String {
        guard let p, length > 0 else { return "" }
        var bytes = UnsafeBufferPointer(start: p, count: length)[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        return String(decoding: bytes, as: UTF8.self)
    }
}
