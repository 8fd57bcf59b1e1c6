/// A composed YAML node as Yams' `Node` held it: a reference, so an alias is its anchor's node.
final class YAMLComposed {
    enum Content {
        case scalar(String, style: Int)
        case sequence([YAMLComposed])
        case mapping([(key: YAMLComposed, value: YAMLComposed)])
    }
    let content: Content
    /// The tag libyaml gave ("" when implicit).
    let tag: String
    let mark: YAMLMark

    init(_ content: Content, tag: String, mark: YAMLMark) {
        self.content = content
        self.tag = tag
        self.mark = mark
    }

    /// Yams' `resolvedTag`: the implicit tag of a scalar is its resolver's answer, the
    /// non-specific tag `!` the kind's default.
    private(set) lazy var resolvedTag: String = {
        guard tag.isEmpty || tag == "!" else { return tag }
        switch content {
        case .scalar(let s, _): return tag.isEmpty ? YAML11Scalar.resolvedTag(s) : YAML11Scalar.strTag
        case .sequence: return YAML11Scalar.seqTag
        case .mapping: return YAML11Scalar.mapTag
        }
    }()

    /// Yams' Tag is a class and resolving it overwrites its name, which every alias of the node
    /// shares; its composer resolves the tag of every mapping key (hashing them to find
    /// duplicates), so a scalar once used as a key is read with its resolved tag afterwards
    /// (`Bool.construct` refuses `!!str`: an aliased key `yEs` is no boolean where it is a value).
    private(set) var usedAsKey = false
    var effectiveTag: String { usedAsKey ? resolvedTag : tag }
    func markUsedAsKey() { usedAsKey = true }

    /// Yams' `Node ==`: the same kind, equal contents (`String ==`) and equal resolved tags.
    func sameValue(as other: YAMLComposed) -> Bool {
        if self === other { return true }
        switch (content, other.content) {
        case let (.scalar(a, _), .scalar(b, _)):
            return a == b && resolvedTag == other.resolvedTag
        case let (.sequence(a), .sequence(b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.sameValue(as: $1) } && resolvedTag == other.resolvedTag
        case let (.mapping(a), .mapping(b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.key.sameValue(as: $1.key) && $0.value.sameValue(as: $1.value) }
                && resolvedTag == other.resolvedTag
        default:
            return false
        }
    }

    /// Yams' `Node <`: scalars by text, collections element by element (pairs by key), and
    /// nodes of different kinds unordered.
    func orderedBefore(_ other: YAMLComposed) -> Bool {
        func less(_ a: [YAMLComposed], _ b: [YAMLComposed]) -> Bool {
            for (x, y) in zip(a, b) {
                if x.orderedBefore(y) { return true }
                if y.orderedBefore(x) { return false }
            }
            return a.count < b.count
        }
        switch (content, other.content) {
        case let (.scalar(a, _), .scalar(b, _)): return a < b
        case let (.sequence(a), .sequence(b)): return less(a, b)
        case let (.mapping(a), .mapping(b)): return less(a.map(\.key), b.map(\.key))
        default: return false
        }
    }

    /// Yams' `Node.string` (`String.construct(from:)`): a scalar's text, or for a mapping the
    /// value of its first `!!value` key (`=`).
    var yamsString: String? {
        switch content {
        case .scalar(let s, _): return s
        case .sequence: return nil
        case .mapping(let pairs):
            for pair in pairs where pair.key.resolvedTag == YAML11Scalar.valueTag { return pair.value.yamsString }
            return nil
        }
    }
}

/// Why composing stopped, before the tree is converted (Yams' YamlError cases the loader saw).
enum YAMLComposeFailure: Error {
    case read(YAMLReadError)
    case composer(problem: String, context: (text: String, mark: YAMLMark)?, mark: YAMLMark)
    case duplicateKeys([String], mark: YAMLMark)
}

/// libyaml events → `YAMLComposed`, as Yams' `Parser.singleRoot()` composes: anchors are
/// registered when their node is complete, an undefined alias is an error, each mapping's keys
/// are checked for duplicates (Yams' node equality) when the mapping ends, and a second document
/// is an error.
struct YAMLComposer {
    private let reader: YAMLEventReader
    private var anchors: [String: YAMLComposed] = [:]

    private init(_ reader: YAMLEventReader) { self.reader = reader }

    static func compose(_ text: String) throws(YAMLComposeFailure) -> YAMLComposed? {
        do {
            var composer = YAMLComposer(try YAMLEventReader(text))
            return try composer.singleRoot()
        } catch let error as YAMLComposeFailure {
            throw error
        } catch let error as YAMLReadError {
            throw .read(error)
        } catch {
            throw .read(.memory)
        }
    }

    private func next() throws -> YAMLEvent { try reader.next() }

    private mutating func singleRoot() throws -> YAMLComposed? {
        guard !reader.streamEndProduced else { return nil }
        if case .streamEnd = try next() { return nil }
        let root = try node(next())
        _ = try next() // document end
        let after = try next()
        if case .streamEnd = after { return root }
        throw YAMLComposeFailure.composer(problem: "but found another document",
                                          context: ("expected a single document in the stream", YAMLMark(line: 1, column: 1)),
                                          mark: Self.mark(after))
    }

    /// The start mark of an event (the events the composer can meet out of place have one).
    private static func mark(_ event: YAMLEvent) -> YAMLMark {
        switch event {
        case .documentStart(let m), .alias(_, let m), .scalar(_, _, _, _, let m), .sequenceStart(_, _, let m), .mappingStart(_, _, let m): return m
        default: return YAMLMark(line: 0, column: 0)
        }
    }

    private mutating func node(_ event: YAMLEvent) throws -> YAMLComposed {
        switch event {
        case .alias(let anchor, let mark):
            guard let target = anchors[anchor] else {
                throw YAMLComposeFailure.composer(problem: "found undefined alias", context: nil, mark: mark)
            }
            return target
        case .scalar(let value, let anchor, let tag, let style, let mark):
            let n = YAMLComposed(.scalar(value, style: style), tag: tag, mark: mark)
            register(anchor, n)
            return n
        case .sequenceStart(let anchor, let tag, let mark):
            var items: [YAMLComposed] = []
            var e = try next()
            while true {
                if case .sequenceEnd = e { break }
                items.append(try node(e))
                e = try next()
            }
            let n = YAMLComposed(.sequence(items), tag: tag, mark: mark)
            register(anchor, n)
            return n
        case .mappingStart(let anchor, let tag, let mark):
            var pairs: [(key: YAMLComposed, value: YAMLComposed)] = []
            var e = try next()
            while true {
                if case .mappingEnd = e { break }
                let key = try node(e)
                let value = try node(next())
                pairs.append((key, value))
                e = try next()
            }
            try Self.checkDuplicates(pairs.map(\.key))
            let n = YAMLComposed(.mapping(pairs), tag: tag, mark: mark)
            register(anchor, n)
            return n
        default:
            // Yams: fatalError("unreachable"); libyaml's grammar gives a node here.
            throw YAMLComposeFailure.composer(problem: "unexpected YAML event", context: nil, mark: Self.mark(event))
        }
    }

    private mutating func register(_ anchor: String?, _ node: YAMLComposed) {
        if let anchor { anchors[anchor] = node }
    }

    /// Yams' `checkDuplicates`: keys grouped by node equality; if any group has more than one,
    /// the groups' texts in Yams' node order, reported at the first key of the first group.
    /// (Yams took the groups from a Dictionary, so ties in that order varied between runs; here
    /// they keep the order of the file.)
    private static func checkDuplicates(_ keys: [YAMLComposed]) throws {
        for key in keys { key.markUsedAsKey() }
        guard keys.count > 1 else { return }
        var groups: [(first: YAMLComposed, count: Int)] = []
        var scalarGroups: [String: [Int]] = [:]
        var otherGroups: [Int] = []
        for key in keys {
            var candidates: [Int]
            if case .scalar(let s, _) = key.content { candidates = scalarGroups[s] ?? [] } else { candidates = otherGroups }
            if let g = candidates.first(where: { groups[$0].first.sameValue(as: key) }) {
                groups[g].count += 1
                continue
            }
            groups.append((key, 1))
            if case .scalar(let s, _) = key.content { scalarGroups[s, default: []].append(groups.count - 1) } else { otherGroups.append(groups.count - 1) }
        }
        let repeated = groups.filter { $0.count > 1 }.map(\.first)
        guard !repeated.isEmpty else { return }
        let sorted = repeated.sorted { $0.orderedBefore($1) }
        throw YAMLComposeFailure.duplicateKeys(sorted.map { $0.yamsString ?? "<uncovertable>" }, mark: sorted[0].mark)
    }
}
