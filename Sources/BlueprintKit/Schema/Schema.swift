#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A compiled JSON Schema (draft 2020-12): every keyword parsed once, regexes compiled, `$ref`s
/// linked to their targets. Built by SchemaCompiler, immutable once compilation finishes, then
/// shared by every validation.
public final class Schema: @unchecked Sendable {
    /// Absolute location: the resource URI and the JSON Pointer inside it ("…/b.json#/properties/a").
    public let location: String
    /// The schema's own node (for positions of errors about the schema itself).
    public let node: Node
    /// Base URI in effect inside this schema (its resource's URI).
    let resource: URIReference
    /// `resource` as text, built once: the evaluator keys its dynamic scope by it on every step.
    let resourceText: String

    enum Body {
        case always(Bool)
        case keywords
    }
    var body: Body = .keywords

    /// Assertions and applicators in evaluation order (unevaluated* excluded).
    var keywords: [Keyword] = []
    var unevaluatedItems: Schema?
    var unevaluatedProperties: Schema?

    init(location: String, node: Node, resource: URIReference, resourceText: String? = nil) {
        self.location = location
        self.node = node
        self.resource = resource
        self.resourceText = resourceText ?? resource.description
    }
}

/// A `$ref` target, filled in when compilation of the whole graph is done (cycles allowed).
final class RefTarget: @unchecked Sendable {
    let reference: String
    var schema: Schema?
    /// For `$dynamicRef`: set when the static target carries the matching `$dynamicAnchor`.
    var dynamicAnchor: String?
    init(_ reference: String) { self.reference = reference }
}

/// One compiled keyword. Associated values are what evaluation needs, nothing else.
enum Keyword {
    // Core
    case ref(RefTarget)
    /// `$dynamicRef`: the static target, and the anchor name when the target has a matching
    /// `$dynamicAnchor` (then the outermost resource in the dynamic scope with that anchor wins).
    case dynamicRef(RefTarget)
    // Applicators
    case allOf([Schema])
    case anyOf([Schema])
    case oneOf([Schema])
    case not(Schema)
    case conditional(if: Schema, then: Schema?, else: Schema?)
    case dependentSchemas([(String, Schema)])
    case prefixItems([Schema])
    case items(Schema, after: Int)
    case contains(Schema, min: Int, max: Int?)
    case properties(PropertyTable)
    case patternProperties([(Pattern, Schema)])
    /// `known`: the sibling `properties` (their names in schema order give a deterministic "did
    /// you mean"; a Set's order changed from process to process with Swift's seeded hashing).
    case additionalProperties(Schema, known: PropertyTable, patterns: [Pattern])
    case propertyNames(Schema)
    // Validation
    case type([JSONType])
    case enumeration([Node])
    case const(Node)
    case multipleOf(Double)
    case maximum(Double), exclusiveMaximum(Double), minimum(Double), exclusiveMinimum(Double)
    case maxLength(Int), minLength(Int)
    case pattern(Pattern)
    case maxItems(Int), minItems(Int), uniqueItems
    case maxProperties(Int), minProperties(Int)
    case required([String])
    case dependentRequired([(String, [String])])
    // Format (annotation unless asserted)
    case format(String)

    var name: String {
        switch self {
        case .ref: return "$ref"
        case .dynamicRef: return "$dynamicRef"
        case .allOf: return "allOf"
        case .anyOf: return "anyOf"
        case .oneOf: return "oneOf"
        case .not: return "not"
        case .conditional: return "if"
        case .dependentSchemas: return "dependentSchemas"
        case .prefixItems: return "prefixItems"
        case .items: return "items"
        case .contains: return "contains"
        case .properties: return "properties"
        case .patternProperties: return "patternProperties"
        case .additionalProperties: return "additionalProperties"
        case .propertyNames: return "propertyNames"
        case .type: return "type"
        case .enumeration: return "enum"
        case .const: return "const"
        case .multipleOf: return "multipleOf"
        case .maximum: return "maximum"
        case .exclusiveMaximum: return "exclusiveMaximum"
        case .minimum: return "minimum"
        case .exclusiveMinimum: return "exclusiveMinimum"
        case .maxLength: return "maxLength"
        case .minLength: return "minLength"
        case .pattern: return "pattern"
        case .maxItems: return "maxItems"
        case .minItems: return "minItems"
        case .uniqueItems: return "uniqueItems"
        case .maxProperties: return "maxProperties"
        case .minProperties: return "minProperties"
        case .required: return "required"
        case .dependentRequired: return "dependentRequired"
        case .format: return "format"
        }
    }
}

/// The names of `properties` and their subschemas, compared by code point as JSON compares keys.
/// Up to 16 names (nearly every schema object) are searched in order, UTF-8 lengths first:
/// hashing each instance key cost more than the search (callgrind: Hasher was the largest cost of
/// interpreting the blueprint schema). Larger tables keep a dictionary, so lookups stay O(1).
struct PropertyTable {
    let entries: [(name: String, schema: Schema)]
    /// UTF-8 lengths of the names: compared first without touching (retaining) the entries.
    private let lengths: [Int]
    private let index: [ScalarKey: Int]?

    init(_ entries: [(name: String, schema: Schema)]) {
        self.entries = entries
        lengths = entries.map(\.name.utf8.count)
        if entries.count > 16 {
            var index: [ScalarKey: Int] = [:]
            for (i, e) in entries.enumerated() where index[ScalarKey(e.name)] == nil { index[ScalarKey(e.name)] = i }
            self.index = index
        } else {
            index = nil
        }
    }

    static let empty = PropertyTable([])

    var names: [String] { entries.map(\.name) }

    func schema(for key: String) -> Schema? {
        if let index { return index[ScalarKey(key)].map { entries[$0].schema } }
        let length = key.utf8.count
        for i in lengths.indices where lengths[i] == length && entries[i].name.sameScalars(as: key) { return entries[i].schema }
        return nil
    }
}

/// An ECMA-262 pattern: matched by ECMARegex when it is in that subset, else by the registered
/// PatternEngine (SchemaICU: NSRegularExpression with `\d`, `\w` and their negations narrowed
/// to ASCII as ECMA-262 defines them; remaining ICU differences are listed in docs/json-schema.md).
/// Both engines run under a work budget, so a pathological pattern is reported instead of
/// hanging. Without a registered engine such a pattern throws PatternEngineUnavailable.
struct Pattern: Sendable {
    let source: String
    private let fast: ECMARegex?
    private let engine: (any PatternMatcher)?

    /// Deepest group nesting accepted (the parser and compiler recurse per group).
    static let maxGroupDepth = 256

    struct Invalid: Error { let reason: String }

    init(_ source: String) throws {
        self.source = source
        if Self.groupDepth(source) > Self.maxGroupDepth {
            throw Invalid(reason: "groups nest deeper than \(Self.maxGroupDepth) levels")
        }
        fast = ECMARegex(source)
        engine = fast == nil ? try PatternEngine.compile(source) : nil
    }

    /// Whether the pattern matches somewhere in `s`; nil when the work budget ran out first.
    func test(_ s: String) -> Bool? {
        if let fast { return fast.firstMatch(in: s) }
        guard let engine else { return false }
        return engine.test(s)
    }

    /// For callers that need a yes or no: a pattern that gave up does not match.
    func matches(_ s: String) -> Bool { test(s) ?? false }

    /// Maximum nesting of parentheses outside classes (escapes skipped).
    static func groupDepth(_ p: String) -> Int {
        var depth = 0, deepest = 0, inClass = false, escaped = false
        for c in p.utf8 {
            if escaped { escaped = false; continue }
            switch c {
            case 0x5C: escaped = true
            case 0x5B: inClass = true
            case 0x5D: inClass = false
            case 0x28 where !inClass: depth += 1; deepest = max(deepest, depth)
            case 0x29 where !inClass: depth = max(0, depth - 1)
            default: break
            }
        }
        return deepest
    }
}
