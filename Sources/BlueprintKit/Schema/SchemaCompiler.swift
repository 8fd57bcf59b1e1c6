#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import PlatformSupport

/// A schema that could not be compiled: an unresolvable `$ref`, an invalid regex, a `$ref`
/// cycle that never reaches a constraint, an unsupported required vocabulary.
public struct SchemaCompileError: Error, Sendable {
    public let message: String
    public let hint: String?
    public let source: SourceFile?
    public let offset: Int
    /// Set when the schema has a pattern only the ICU engine takes and none is registered
    /// (PatternEngine): a front hands the command to the full binary.
    public var patternEngineUnavailable: PatternEngineUnavailable? = nil
}

/// The result of compilation: the root plus the `$dynamicAnchor` targets, which evaluation
/// looks up by resource when a `$dynamicRef` goes dynamic. The bundled blueprint schema is also
/// checked by Swift generated from it at build time (`generated`); its graph is then compiled
/// only if something asks for it.
public final class CompiledSchema: @unchecked Sendable {
    private enum Storage {
        case graph(SchemaGraph)
        case generated(@Sendable (Node) -> [SchemaError]?, interpreted: @Sendable () -> SchemaGraph)
    }
    private let storage: Storage

    init(root: Schema, dynamicTargets: [String: Schema], dynamicAnchors: [String: Set<String>], all: [Schema]) {
        storage = .graph(SchemaGraph(root: root, dynamicTargets: dynamicTargets, dynamicAnchors: dynamicAnchors, all: all))
    }

    /// A schema checked by generated code; `interpreted` builds the same schema's graph on demand.
    init(generated: @escaping @Sendable (Node) -> [SchemaError]?, interpreted: @escaping @Sendable () -> SchemaGraph) {
        storage = .generated(generated, interpreted: interpreted)
    }

    /// The generated check (nil: none, or it could not run; then the interpreter evaluates).
    var generated: (@Sendable (Node) -> [SchemaError]?)? {
        if case .generated(let check, _) = storage { return check }
        return nil
    }

    var graph: SchemaGraph {
        switch storage {
        case .graph(let g): return g
        case .generated(_, let interpreted): return interpreted()
        }
    }

    public var root: Schema { graph.root }
    var dynamicTargets: [String: Schema] { graph.dynamicTargets }
    var dynamicAnchors: [String: Set<String>] { graph.dynamicAnchors }
}

/// A compiled schema graph: the root, the `$dynamicAnchor` targets, and every schema in it.
final class SchemaGraph: @unchecked Sendable {
    let root: Schema
    let dynamicTargets: [String: Schema] // "resource#name"
    let dynamicAnchors: [String: Set<String>] // resource → anchor names

    /// Some schema has unevaluatedItems/unevaluatedProperties, the only readers of annotations:
    /// without them the evaluator collects none (hashing every evaluated key was most of the
    /// cost of interpreting the blueprint schema).
    let needsAnnotations: Bool

    /// Every schema of the graph, so they can be unlinked before release.
    private let all: [Schema]

    init(root: Schema, dynamicTargets: [String: Schema], dynamicAnchors: [String: Set<String>], all: [Schema]) {
        self.root = root
        self.dynamicTargets = dynamicTargets
        self.dynamicAnchors = dynamicAnchors
        self.all = all
        needsAnnotations = all.contains { $0.unevaluatedItems != nil || $0.unevaluatedProperties != nil }
    }

    /// `true`, for the unreachable case of a generated check whose schema no longer compiles.
    static func unconstrained(_ uri: String) -> SchemaGraph {
        let root = Schema(location: uri + "#", node: Node(.bool(true), SourceRange(start: 0, end: 0)), resource: URIReference(uri))
        root.body = .always(true)
        return SchemaGraph(root: root, dynamicTargets: [:], dynamicAnchors: [:], all: [root])
    }

    /// Releasing a 100,000-link `$ref` chain link by link would recurse once per link (a stack
    /// overflow at exit); unlinked first, each schema is freed on its own.
    deinit {
        for s in all {
            s.keywords = []
            s.unevaluatedItems = nil
            s.unevaluatedProperties = nil
        }
    }
}

/// Compiles draft 2020-12 schemas: indexes `$id`/`$anchor`/`$dynamicAnchor` (only in schema
/// positions, so an `$id` inside `enum` data is not an identifier), compiles each subschema once
/// per canonical location, links `$ref`s and checks for cycles.
public final class SchemaCompiler {
    /// Fetches a document that is neither loaded nor bundled (tests serve the suite's remotes).
    public var loader: (String) -> Node? = { _ in nil }

    private struct Location {
        let node: Node
        let resource: URIReference
        let pointer: String
        let source: SourceFile?
    }

    /// Documents and embedded resources by URI; `canonical` is the resource's own URI (its $id),
    /// which differs from the key when a document was fetched by another URI.
    private var resources: [String: (node: Node, source: SourceFile?, canonical: URIReference)] = [:]
    private var anchors: [String: Location] = [:]
    private var dynamicAnchors: [String: Set<String>] = [:]
    private var validationVocabulary: [String: Bool] = [:]
    private var cache: [String: Schema] = [:]
    private var memberIndexes: [String: [ScalarKey: Int]] = [:]
    private var pending: [(RefTarget, URIReference, Node, SourceFile?, dynamic: Bool)] = []
    private var failure: SchemaCompileError?
    /// Set once a CompiledSchema owns the graph; until then a failed compile unlinks it.
    private var delivered = false

    deinit {
        guard !delivered else { return }
        for s in cache.values {
            s.keywords = []
            s.unevaluatedItems = nil
            s.unevaluatedProperties = nil
        }
    }

    public init() {}

    /// Compile a document. `retrievalURI` is the base when the root has no `$id`.
    public func compile(_ root: Node, source: SourceFile? = nil, retrievalURI: String) throws(SchemaCompileError) -> CompiledSchema {
        let base = URIReference(retrievalURI).withoutFragment
        try add(root, source: source, uri: base)
        let schema = try compile(locate(URIReference(""), base: base, at: root, source: source))
        try link()
        var targets: [String: Schema] = [:]
        for (resource, names) in dynamicAnchors {
            for name in names {
                if let loc = anchors["\(resource)#\(name)"] { targets["\(resource)#\(name)"] = try compile(loc) }
            }
        }
        try link()
        try checkCycles()
        delivered = true
        return CompiledSchema(root: schema, dynamicTargets: targets, dynamicAnchors: dynamicAnchors, all: Array(cache.values))
    }

    /// Make a document known under `uri` (and under every `$id` inside it).
    public func add(_ root: Node, source: SourceFile?, uri: URIReference) throws(SchemaCompileError) {
        let key = uri.withoutFragment.description
        guard resources[key] == nil else { return }
        let canonical = root["$id"]?.string.map { URIReference($0).resolved(against: uri.withoutFragment).withoutFragment } ?? uri.withoutFragment
        resources[key] = (root, source, canonical)
        try index(root, base: uri.withoutFragment, resource: key, pointer: "", source: source, inherited: true, isResourceRoot: true)
    }

    // MARK: indexing

    /// Keywords whose value is a schema, an array of schemas, or an object of schemas.
    static let schemaKeywords: Set<String> = ["items", "additionalProperties", "unevaluatedItems", "unevaluatedProperties",
                                              "contains", "propertyNames", "not", "if", "then", "else"]
    static let schemaArrayKeywords: Set<String> = ["allOf", "anyOf", "oneOf", "prefixItems"]
    static let schemaMapKeywords: Set<String> = ["$defs", "definitions", "properties", "patternProperties", "dependentSchemas"]

    private func index(_ node: Node, base: URIReference, resource: String, pointer: String, source: SourceFile?,
                       inherited: Bool, isResourceRoot: Bool) throws(SchemaCompileError) {
        guard node.isObject else { return }
        var base = base, resource = resource, pointer = pointer
        var validation = inherited
        if let id = node.keyword("$id")?.string {
            let uri = URIReference(id).resolved(against: base).withoutFragment
            base = uri
            resource = uri.description
            pointer = ""
            if resources[resource] == nil { resources[resource] = (node, source, uri) }
        }
        if pointer.isEmpty || isResourceRoot {
            if let meta = node.keyword("$schema")?.string { validation = try vocabularyAllowsValidation(meta, node, source) }
            validationVocabulary[resource] = validation
        }
        let here = Location(node: node, resource: base, pointer: pointer, source: source)
        if let a = node.keyword("$anchor")?.string { anchors["\(resource)#\(a)"] = here }
        if let a = node.keyword("$dynamicAnchor")?.string {
            anchors["\(resource)#\(a)"] = here
            dynamicAnchors[resource, default: []].insert(a)
        }
        for m in node.members ?? [] {
            let p = JSONPointer.appending(pointer, m.key)
            if Self.schemaKeywords.contains(m.key) {
                try index(m.value, base: base, resource: resource, pointer: p, source: source, inherited: validation, isResourceRoot: false)
            } else if Self.schemaArrayKeywords.contains(m.key), let items = m.value.elements {
                for (i, item) in items.enumerated() {
                    try index(item, base: base, resource: resource, pointer: JSONPointer.appending(p, i), source: source, inherited: validation, isResourceRoot: false)
                }
            } else if Self.schemaMapKeywords.contains(m.key), let entries = m.value.members {
                for e in entries {
                    try index(e.value, base: base, resource: resource, pointer: JSONPointer.appending(p, e.key), source: source, inherited: validation, isResourceRoot: false)
                }
            }
        }
    }

    /// Whether the metaschema's `$vocabulary` includes the validation vocabulary; an unknown
    /// vocabulary marked required is an error (the spec says to refuse such schemas).
    private func vocabularyAllowsValidation(_ meta: String, _ node: Node, _ source: SourceFile?) throws(SchemaCompileError) -> Bool {
        let uri = URIReference(meta).withoutFragment
        // The standard dialect has every vocabulary; no need to load its meta-schema.
        if uri.description == SchemaLoader.metaSchemaURI { return true }
        guard let doc = try? document(uri.description), let vocab = doc.node.keyword("$vocabulary")?.members else { return true }
        let known = ["core", "applicator", "unevaluated", "validation", "meta-data", "format-annotation", "format-assertion", "content"]
            .map { "https://json-schema.org/draft/2020-12/vocab/\($0)" }
        for v in vocab where v.value.bool == true && !known.contains(v.key) {
            throw SchemaCompileError(message: "the metaschema \(meta) requires the unknown vocabulary \(v.key)",
                                     hint: "bpctl implements the draft 2020-12 vocabularies", source: source,
                                     offset: node.keyword("$schema")?.range.start ?? node.range.start)
        }
        return vocab.contains { $0.key.hasSuffix("/vocab/validation") }
    }

    private func document(_ uri: String) throws(SchemaCompileError) -> (node: Node, source: SourceFile?, canonical: URIReference) {
        if let d = resources[uri] { return d }
        if let text = MetaSchemas.documents[uri] {
            let source = SourceFile(path: uri, text: text)
            guard let node = try? JSONParser.parse(source.bytes) else {
                throw SchemaCompileError(message: "bundled metaschema \(uri) does not parse", hint: nil, source: nil, offset: 0)
            }
            try add(node, source: source, uri: URIReference(uri))
            return resources[uri]!
        }
        if let node = loader(uri) {
            try add(node, source: nil, uri: URIReference(uri))
            return resources[uri]!
        }
        throw SchemaCompileError(message: "no schema is known at \(uri)", hint: nil, source: nil, offset: 0)
    }

    // MARK: locating

    /// The node a URI (absolute, with optional pointer or anchor fragment) names.
    /// `written` is the reference as the schema wrote it, for messages.
    private func locate(_ uri: URIReference, base: URIReference, at refNode: Node?, source: SourceFile?,
                        written: String? = nil) throws(SchemaCompileError) -> Location {
        let shown = written ?? uri.description
        let target = uri.resolved(against: base)
        let resourceKey = target.withoutFragment.description
        let doc: (node: Node, source: SourceFile?, canonical: URIReference)
        do { doc = try document(resourceKey) } catch {
            throw SchemaCompileError(message: "cannot resolve $ref '\(shown)': \(error.message)",
                                     hint: "refer to a $defs entry (#/$defs/name), an $anchor, or a schema bpctl was given",
                                     source: source, offset: refNode?.range.start ?? 0)
        }
        let fragment = (target.fragment ?? "").percentDecoded() ?? (target.fragment ?? "")
        // A document whose root has an $id is that resource, whatever URI it was fetched by.
        let rootResource = doc.canonical
        if fragment.isEmpty {
            return Location(node: doc.node, resource: rootResource, pointer: "", source: doc.source)
        }
        if fragment.hasPrefix("/") {
            guard let tokens = JSONPointer.tokens(fragment) else { throw unresolved(shown, refNode, source) }
            var node = doc.node
            var resource = rootResource
            var pointer = ""
            for token in tokens {
                if let m = member(node, token, in: resourceKey) { node = m.value }
                else if let e = node.elements, let i = Int(token), i >= 0, i < e.count { node = e[i] }
                else { throw unresolved(shown, refNode, source) }
                if let id = member(node, "$id", in: resourceKey)?.value.string {
                    resource = URIReference(id).resolved(against: resource).withoutFragment
                    pointer = ""
                } else {
                    pointer = JSONPointer.appending(pointer, token)
                }
            }
            return Location(node: node, resource: resource, pointer: pointer, source: doc.source)
        }
        guard let loc = anchors["\(resourceKey)#\(fragment)"] else { throw unresolved(shown, refNode, source) }
        return loc
    }

    /// Member lookup for pointer resolution: large objects (10,000 `$defs` reached by 10,000
    /// `$ref`s) get a dictionary once instead of a scan per reference.
    private func member(_ node: Node, _ key: String, in document: String) -> Node.Member? {
        guard let members = node.members else { return nil }
        guard members.count > 16 else { return node.member(key) }
        let id = "\(document)@\(node.range.start)-\(node.range.end)"
        if memberIndexes[id] == nil {
            var index: [ScalarKey: Int] = [:]
            for (i, m) in members.enumerated() { index[ScalarKey(m.key)] = i }
            memberIndexes[id] = index
        }
        return memberIndexes[id]![ScalarKey(key)].map { members[$0] }
    }

    private func unresolved(_ shown: String, _ node: Node?, _ source: SourceFile?) -> SchemaCompileError {
        SchemaCompileError(message: "cannot resolve $ref '\(shown)': nothing at that location",
                           hint: "check the pointer or anchor name", source: source, offset: node?.range.start ?? 0)
    }

    // MARK: compiling

    private func compile(_ loc: Location) throws(SchemaCompileError) -> Schema {
        let resourceText = loc.resource.description
        let key = resourceText + "#" + loc.pointer
        if let s = cache[key] {
            // Two different subschemas at one location: an embedded `$id` repeats its parent's
            // (`{"not": {"$id": ""}}`). Using the cached one would make the schema contain itself.
            guard s.node.range == loc.node.range else {
                let id = loc.node.keyword("$id")?.string ?? ""
                throw SchemaCompileError(message: "the $id '\(Describe.cut(id))' names a resource that another schema already is (\(Describe.cut(key, 120)))",
                                         hint: "give each embedded schema resource its own $id, or remove this one",
                                         source: loc.source, offset: loc.node.keyword("$id")?.range.start ?? loc.node.range.start)
            }
            return s
        }
        let schema = Schema(location: key, node: loc.node, resource: loc.resource, resourceText: resourceText)
        cache[key] = schema
        if let b = loc.node.bool {
            schema.body = .always(b)
            return schema
        }
        guard loc.node.isObject else {
            throw SchemaCompileError(message: "a schema must be an object or a boolean, not \(loc.node.shortDescription)",
                                     hint: nil, source: loc.source, offset: loc.node.range.start)
        }
        try fill(schema, loc)
        return schema
    }

    private func child(_ node: Node, of loc: Location, _ path: String...) throws(SchemaCompileError) -> Schema {
        if let id = node.keyword("$id")?.string {
            let uri = URIReference(id).resolved(against: loc.resource).withoutFragment
            return try compile(Location(node: node, resource: uri, pointer: "", source: loc.source))
        }
        var p = loc.pointer
        for token in path { p = JSONPointer.appending(p, token) }
        return try compile(Location(node: node, resource: loc.resource, pointer: p, source: loc.source))
    }

    private func fill(_ schema: Schema, _ loc: Location) throws(SchemaCompileError) {
        let n = loc.node
        let validation = validationVocabulary[schema.resourceText] ?? true
        var k: [Keyword] = []
        func pattern(_ text: String, _ at: Node) throws(SchemaCompileError) -> Pattern {
            do { return try Pattern(text) } catch {
                if let missing = error as? PatternEngineUnavailable {
                    throw SchemaCompileError(message: "the regular expression '\(Describe.cut(text))' needs the ICU regex engine, which this program does not link",
                                             hint: "run the full binary (bpctl-full)", source: loc.source, offset: at.range.start,
                                             patternEngineUnavailable: missing)
                }
                let shown = text.unicodeScalars.count > 60 ? String(String.UnicodeScalarView(text.unicodeScalars.prefix(57))) + "..." : text
                let reason = (error as? Pattern.Invalid).map { ": \($0.reason)" } ?? ""
                throw SchemaCompileError(message: "invalid regular expression '\(shown)'\(reason)", hint: "patterns use ECMA-262 syntax",
                                         source: loc.source, offset: at.range.start)
            }
        }
        func int(_ key: String) -> Int? { n.keyword(key)?.number?.integer.flatMap { $0 >= 0 ? $0 : nil } }
        func double(_ key: String) -> Double? { n.keyword(key)?.number?.value }

        if let ref = n.keyword("$ref"), let text = ref.string {
            let target = RefTarget(text)
            pending.append((target, URIReference(text).resolved(against: loc.resource), ref, loc.source, false))
            k.append(.ref(target))
        }
        if let ref = n.keyword("$dynamicRef"), let text = ref.string {
            let target = RefTarget(text)
            pending.append((target, URIReference(text).resolved(against: loc.resource), ref, loc.source, true))
            k.append(.dynamicRef(target))
        }
        if validation {
            if let t = n.keyword("type") {
                let names = t.string.map { [$0] } ?? (t.elements ?? []).compactMap(\.string)
                k.append(.type(names.compactMap(JSONType.init(rawValue:))))
            }
            if let e = n.keyword("enum")?.elements { k.append(.enumeration(e)) }
            if let c = n.keyword("const") { k.append(.const(c)) }
            if let v = double("multipleOf"), v > 0 { k.append(.multipleOf(v)) }
            if let v = double("maximum") { k.append(.maximum(v)) }
            if let v = double("exclusiveMaximum") { k.append(.exclusiveMaximum(v)) }
            if let v = double("minimum") { k.append(.minimum(v)) }
            if let v = double("exclusiveMinimum") { k.append(.exclusiveMinimum(v)) }
            if let v = int("maxLength") { k.append(.maxLength(v)) }
            if let v = int("minLength") { k.append(.minLength(v)) }
            if let p = n.keyword("pattern"), let text = p.string { k.append(.pattern(try pattern(text, p))) }
            if let v = int("maxItems") { k.append(.maxItems(v)) }
            if let v = int("minItems") { k.append(.minItems(v)) }
            if n.keyword("uniqueItems")?.bool == true { k.append(.uniqueItems) }
            if let v = int("maxProperties") { k.append(.maxProperties(v)) }
            if let v = int("minProperties") { k.append(.minProperties(v)) }
            if let r = n.keyword("required")?.elements { k.append(.required(r.compactMap(\.string))) }
            if let d = n.keyword("dependentRequired")?.members {
                k.append(.dependentRequired(d.map { ($0.key, ($0.value.elements ?? []).compactMap(\.string)) }))
            }
        }
        if let f = n.keyword("format")?.string { k.append(.format(f)) }

        for key in ["allOf", "anyOf", "oneOf"] {
            guard let list = n.keyword(key)?.elements else { continue }
            var subs: [Schema] = []
            for (i, e) in list.enumerated() { subs.append(try child(e, of: loc, key, String(i))) }
            k.append(key == "allOf" ? .allOf(subs) : key == "anyOf" ? .anyOf(subs) : .oneOf(subs))
        }
        if let s = n.keyword("not") { k.append(.not(try child(s, of: loc, "not"))) }
        if let s = n.keyword("if") {
            k.append(.conditional(if: try child(s, of: loc, "if"),
                                  then: try n.keyword("then").map { (t: Node) throws(SchemaCompileError) in try child(t, of: loc, "then") },
                                  else: try n.keyword("else").map { (t: Node) throws(SchemaCompileError) in try child(t, of: loc, "else") }))
        }
        if let d = n.keyword("dependentSchemas")?.members {
            var subs: [(String, Schema)] = []
            for m in d { subs.append((m.key, try child(m.value, of: loc, "dependentSchemas", m.key))) }
            k.append(.dependentSchemas(subs))
        }
        var prefix = 0
        if let list = n.keyword("prefixItems")?.elements {
            var subs: [Schema] = []
            for (i, e) in list.enumerated() { subs.append(try child(e, of: loc, "prefixItems", String(i))) }
            prefix = subs.count
            k.append(.prefixItems(subs))
        }
        if let s = n.keyword("items") { k.append(.items(try child(s, of: loc, "items"), after: prefix)) }
        if let s = n.keyword("contains") {
            let min = validation ? (int("minContains") ?? 1) : 1
            let max = validation ? int("maxContains") : nil
            k.append(.contains(try child(s, of: loc, "contains"), min: min, max: max))
        }
        var known = PropertyTable.empty
        if let props = n.keyword("properties")?.members {
            var entries: [(name: String, schema: Schema)] = []
            for m in props { entries.append((m.key, try child(m.value, of: loc, "properties", m.key))) }
            known = PropertyTable(entries)
            k.append(.properties(known))
        }
        var patterns: [Pattern] = []
        if let props = n.keyword("patternProperties")?.members {
            var list: [(Pattern, Schema)] = []
            for m in props {
                let p = try pattern(m.key, n.keyword("patternProperties")!)
                patterns.append(p)
                list.append((p, try child(m.value, of: loc, "patternProperties", m.key)))
            }
            k.append(.patternProperties(list))
        }
        if let s = n.keyword("additionalProperties") {
            k.append(.additionalProperties(try child(s, of: loc, "additionalProperties"), known: known, patterns: patterns))
        }
        if let s = n.keyword("propertyNames") { k.append(.propertyNames(try child(s, of: loc, "propertyNames"))) }
        if let s = n.keyword("unevaluatedItems") { schema.unevaluatedItems = try child(s, of: loc, "unevaluatedItems") }
        if let s = n.keyword("unevaluatedProperties") { schema.unevaluatedProperties = try child(s, of: loc, "unevaluatedProperties") }
        // Compile $defs too, so a bad regex or ref in an unused definition is still reported.
        for key in ["$defs", "definitions"] {
            for m in n.keyword(key)?.members ?? [] { _ = try child(m.value, of: loc, key, m.key) }
        }
        schema.keywords = k
    }

    /// Resolve every pending `$ref`/`$dynamicRef` (compiling targets may add more).
    private func link() throws(SchemaCompileError) {
        while let (target, uri, node, source, dynamic) = pending.popLast() {
            let loc = try locate(uri, base: uri, at: node, source: source, written: target.reference)
            target.schema = try compile(loc)
            if dynamic, let fragment = uri.fragment, !fragment.hasPrefix("/"), !fragment.isEmpty,
               loc.node.keyword("$dynamicAnchor")?.string == fragment {
                target.dynamicAnchor = fragment
            }
        }
    }

    /// A chain of schemas that only `$ref` each other never reaches a constraint: evaluation
    /// would not terminate, so it is refused here.
    private func checkCycles() throws(SchemaCompileError) {
        // Each schema is walked once: a chain stops at a schema an earlier walk finished.
        var finished: Set<ObjectIdentifier> = []
        for schema in cache.values {
            var onPath: Set<ObjectIdentifier> = []
            var path: [ObjectIdentifier] = []
            var current: Schema? = schema
            while let s = current, !finished.contains(ObjectIdentifier(s)), case .keywords = s.body, s.keywords.count == 1,
                  s.unevaluatedItems == nil, s.unevaluatedProperties == nil, case .ref(let target) = s.keywords[0] {
                guard onPath.insert(ObjectIdentifier(s)).inserted else {
                    throw SchemaCompileError(message: "$ref cycle with no constraint: \(Describe.cut(target.reference, 120)) leads back to \(Describe.cut(s.location, 120))",
                                             hint: "one of the schemas in the cycle must add a keyword besides $ref",
                                             source: nil, offset: s.node.range.start)
                }
                path.append(ObjectIdentifier(s))
                current = target.schema
            }
            finished.formUnion(path)
            finished.insert(ObjectIdentifier(schema))
        }
    }
}

private extension Node {
    /// `self[key]` for a schema keyword, UTF-8 lengths compared first: compiling asks each schema
    /// object for ~40 keywords, and comparing every member's bytes for each was a quarter of
    /// compiling the 2020-12 meta-schema (callgrind). Same answer: code point equality.
    func keyword(_ key: String) -> Node? {
        guard let members else { return nil }
        let length = key.utf8.count
        for m in members where m.key.utf8.count == length && m.key.sameScalars(as: key) { return m.value }
        return nil
    }
}
