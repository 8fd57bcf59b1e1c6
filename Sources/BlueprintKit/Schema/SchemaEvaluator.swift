#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Validates instances against a compiled schema. Annotations needed by `unevaluatedItems` and
/// `unevaluatedProperties` (which properties and items were evaluated) flow up from valid
/// subschemas only, as the spec requires. One evaluator per validation; not shared across threads.
public struct SchemaEvaluator {
    public let schema: CompiledSchema
    /// Check `format` values instead of treating them as annotations.
    public var formatAssertion: Bool
    /// Tests: collect annotations and the dynamic scope even where nothing reads them, and skip
    /// a generated check, to compare the fast paths with the general one.
    var generalPathOnly = false

    public init(_ schema: CompiledSchema, formatAssertion: Bool = false) {
        self.schema = schema
        self.formatAssertion = formatAssertion
    }

    /// Every error, with anyOf/oneOf failures reduced to the branch that came closest.
    public func validate(_ instance: Node) -> [SchemaError] {
        // Generated checks exist only for schemas without `format` (the generator refuses it),
        // so formatAssertion cannot change their answer.
        if !generalPathOnly, let generated = schema.generated, let errors = generated(instance) { return errors }
        var run = Run(compiled: schema, formatAssertion: formatAssertion, everything: generalPathOnly)
        var annotations = Annotations()
        return run.evaluate(schema.root, instance, "", &annotations)
    }
}

/// What a subschema evaluated, for unevaluated* in its parents.
struct Annotations {
    var properties: Set<ScalarKey> = []
    var items = 0            // prefix length evaluated (prefixItems / items)
    var allItems = false     // items or unevaluatedItems covered every element
    var itemIndexes: Set<Int> = [] // matched by contains

    mutating func merge(_ o: Annotations) {
        properties.formUnion(o.properties)
        items = max(items, o.items)
        allItems = allItems || o.allItems
        itemIndexes.formUnion(o.itemIndexes)
    }
}

private struct Run {
    let compiled: CompiledSchema
    let formatAssertion: Bool
    /// Collect annotations (only unevaluated* read them).
    let annotate: Bool
    /// Track the dynamic scope (only `$dynamicRef` to a declared `$dynamicAnchor` reads it).
    let trackScope: Bool
    /// Resources entered along the evaluation path (for $dynamicRef).
    var scope: [String] = []
    /// (schema, instance location) pairs reached through a reference and still being evaluated.
    /// Kept in order and searched in order while short (a handful deep is usual, and hashing each
    /// key cost more than the search: 1.2 M instructions for the blueprint schema as --schema);
    /// from `linearActive` on, also hashed, so a hostile chain of references stays linear.
    var active: [ActiveRef] = []
    var activeSet: Set<ActiveRef> = []
    static let linearActive = 32

    struct ActiveRef: Hashable {
        let schema: ObjectIdentifier
        let offset: Int
        let depth: Int
    }

    init(compiled: CompiledSchema, formatAssertion: Bool, everything: Bool) {
        self.compiled = compiled
        self.formatAssertion = formatAssertion
        let graph = compiled.graph
        annotate = everything || graph.needsAnnotations
        trackScope = everything || !graph.dynamicAnchors.isEmpty
    }

    /// Nested evaluations in progress: each $ref, applicator and child value adds one.
    var depth = 0
    /// Deeper than any real schema and instance (instances nest at most 128 levels); the stack
    /// guard stops earlier on a thread with a small stack.
    static let maxDepth = 1_000
    var stack = StackGuard()

    mutating func evaluate(_ s: Schema, _ n: Node, _ p: String, _ ann: inout Annotations) -> [SchemaError] {
        if depth >= Self.maxDepth || (depth > 16 && stack.isLow()) {
            return [error(s, "$ref", n, p, "evaluation nests deeper than bpctl allows (\(depth) schemas, through $ref chains or applicators); bpctl stops here")]
        }
        depth += 1
        defer { depth -= 1 }
        if case .always(let ok) = s.body {
            return ok ? [] : [error(s, "false", n, p, SchemaMessage.falseSchema)]
        }
        let resource = s.resourceText
        let pushed = trackScope && scope.last != resource
        if pushed { scope.append(resource) }
        defer { if pushed { scope.removeLast() } }

        var errors: [SchemaError] = []
        var local = Annotations()
        for k in s.keywords {
            errors += keyword(k, s, n, p, &local)
        }
        if let ue = s.unevaluatedItems, let items = n.elements, !local.allItems {
            var sub = Annotations()
            for (i, item) in items.enumerated() where i >= local.items && !local.itemIndexes.contains(i) {
                errors += evaluate(ue, item, JSONPointer.appending(p, i), &sub)
            }
            local.allItems = true
        }
        if let up = s.unevaluatedProperties, let members = n.members {
            for m in members where !local.properties.contains(ScalarKey(m.key)) {
                var sub = Annotations()
                let e = evaluate(up, m.value, JSONPointer.appending(p, m.key), &sub)
                errors += e.isEmpty ? [] : (isFalse(up) ? [error(s, "unevaluatedProperties", m.value, JSONPointer.appending(p, m.key),
                                                                  "property '\(m.key)' is not allowed here")] : e)
                local.properties.insert(ScalarKey(m.key))
            }
        }
        if errors.isEmpty {
            if annotate { ann.merge(local) }
        } else if let text = s.node["description"]?.string {
            for i in errors.indices where errors[i].description == nil && errors[i].instancePointer == p {
                errors[i].description = text
            }
        }
        return errors
    }

    private func isFalse(_ s: Schema) -> Bool {
        if case .always(false) = s.body { return true }
        return false
    }

    private func error(_ s: Schema, _ keyword: String, _ n: Node, _ p: String, _ message: String) -> SchemaError {
        SchemaError(instancePointer: p, instanceRange: n.range, keyword: keyword,
                    keywordLocation: s.location + "/" + keyword, message: message)
    }

    private mutating func follow(_ target: Schema?, _ n: Node, _ p: String, _ ann: inout Annotations, from s: Schema, _ kw: String) -> [SchemaError] {
        guard let target else { return [error(s, kw, n, p, "unresolved reference")] }
        // The same schema reached again for the same value (same source offset and depth).
        let key = ActiveRef(schema: ObjectIdentifier(target), offset: n.range.start, depth: p.utf8.count)
        guard activate(key) else {
            return [error(s, kw, n, p, "the schema refers back to itself here without checking anything (a $ref cycle)")]
        }
        defer { deactivate() }
        return evaluate(target, n, p, &ann)
    }

    /// Adds the pair unless it is already being evaluated.
    private mutating func activate(_ key: ActiveRef) -> Bool {
        if active.count >= Self.linearActive {
            if activeSet.isEmpty { activeSet = Set(active) }
            guard activeSet.insert(key).inserted else { return false }
        } else if active.contains(key) {
            return false
        }
        active.append(key)
        return true
    }

    /// Removes the last pair added (evaluation is a stack).
    private mutating func deactivate() {
        let key = active.removeLast()
        guard !activeSet.isEmpty else { return }
        if active.count < Self.linearActive { activeSet.removeAll() } else { activeSet.remove(key) }
    }

    // swiftlint:disable:next cyclomatic_complexity function_body_length
    private mutating func keyword(_ k: Keyword, _ s: Schema, _ n: Node, _ p: String, _ ann: inout Annotations) -> [SchemaError] {
        switch k {
        case .ref(let target):
            return follow(target.schema, n, p, &ann, from: s, "$ref")
        case .dynamicRef(let target):
            var resolved = target.schema
            if let anchor = target.dynamicAnchor {
                // The outermost resource in the dynamic scope that declares the anchor wins.
                for r in scope where compiled.dynamicAnchors[r]?.contains(anchor) == true {
                    if let t = compiled.dynamicTargets["\(r)#\(anchor)"] { resolved = t; break }
                }
            }
            return follow(resolved, n, p, &ann, from: s, "$dynamicRef")

        case .allOf(let subs):
            var errors: [SchemaError] = []
            for sub in subs { errors += evaluate(sub, n, p, &ann) }
            return errors
        case .anyOf(let subs):
            var failures: [[SchemaError]] = []
            var matched = false
            for sub in subs {
                var a = Annotations()
                let e = evaluate(sub, n, p, &a)
                if e.isEmpty { matched = true; ann.merge(a) } else { failures.append(e) }
            }
            return matched ? [] : closest(failures, s, "anyOf", n, p, "matches none of the anyOf alternatives")
        case .oneOf(let subs):
            var failures: [[SchemaError]] = []
            var passed: [Int] = []
            var passedAnn = Annotations()
            for (i, sub) in subs.enumerated() {
                var a = Annotations()
                let e = evaluate(sub, n, p, &a)
                if e.isEmpty { passed.append(i); passedAnn.merge(a) } else { failures.append(e) }
            }
            if passed.count == 1 { ann.merge(passedAnn); return [] }
            if passed.isEmpty { return closest(failures, s, "oneOf", n, p, "matches none of the oneOf alternatives") }
            return [error(s, "oneOf", n, p, "\(Describe.value(n)) matches \(passed.count) oneOf alternatives (\(passed.map(String.init).joined(separator: ", "))); exactly one must match")]
        case .not(let sub):
            var a = Annotations()
            return evaluate(sub, n, p, &a).isEmpty ? [error(s, "not", n, p, "\(Describe.value(n)) must not match the 'not' schema")] : []
        case .conditional(let cond, let then, let otherwise):
            var a = Annotations()
            if evaluate(cond, n, p, &a).isEmpty {
                ann.merge(a)
                return then.map { evaluate($0, n, p, &ann) } ?? []
            }
            return otherwise.map { evaluate($0, n, p, &ann) } ?? []
        case .dependentSchemas(let deps):
            guard n.isObject else { return [] }
            var errors: [SchemaError] = []
            for (key, sub) in deps where n.member(key) != nil { errors += evaluate(sub, n, p, &ann) }
            return errors
        case .prefixItems(let subs):
            guard let items = n.elements else { return [] }
            var errors: [SchemaError] = []
            for (i, item) in items.enumerated() where i < subs.count {
                var a = Annotations()
                errors += evaluate(subs[i], item, JSONPointer.appending(p, i), &a)
            }
            ann.items = max(ann.items, min(subs.count, items.count))
            return errors
        case .items(let sub, let after):
            guard let items = n.elements else { return [] }
            var errors: [SchemaError] = []
            for (i, item) in items.enumerated() where i >= after {
                var a = Annotations()
                let e = evaluate(sub, item, JSONPointer.appending(p, i), &a)
                errors += e.isEmpty || !isFalse(sub) ? e : [error(s, "items", item, JSONPointer.appending(p, i), "no item is allowed at index \(i) (at most \(after))")]
            }
            ann.allItems = true
            return errors
        case .contains(let sub, let min, let max):
            guard let items = n.elements else { return [] }
            var count = 0
            for (i, item) in items.enumerated() {
                var a = Annotations()
                if evaluate(sub, item, JSONPointer.appending(p, i), &a).isEmpty {
                    count += 1
                    if annotate { ann.itemIndexes.insert(i) }
                }
            }
            if count < min {
                return [error(s, min == 1 ? "contains" : "minContains", n, p,
                              min == 1 ? "the array has no item matching 'contains'" : "the array has \(count) items matching 'contains'; at least \(min) are required")]
            }
            if let max, count > max {
                return [error(s, "maxContains", n, p, "the array has \(count) items matching 'contains'; at most \(max) are allowed")]
            }
            return []
        case .properties(let table):
            guard let members = n.members else { return [] }
            var errors: [SchemaError] = []
            for m in members {
                guard let sub = table.schema(for: m.key) else { continue }
                var a = Annotations()
                let cp = JSONPointer.appending(p, m.key)
                let e = evaluate(sub, m.value, cp, &a)
                errors += e.isEmpty || !isFalse(sub) ? e : [error(s, "properties", m.value, cp, SchemaMessage.propertyNotAllowed(m.key))]
                if annotate { ann.properties.insert(ScalarKey(m.key)) }
            }
            return errors
        case .patternProperties(let list):
            guard let members = n.members else { return [] }
            var errors: [SchemaError] = []
            for m in members {
                for (pattern, sub) in list {
                    guard let hit = pattern.test(m.key) else {
                        errors.append(error(s, "patternProperties", m.value, JSONPointer.appending(p, m.key),
                                            "the pattern \(Describe.cut(pattern.source)) needs more work than bpctl allows to check the name '\(Describe.cut(m.key))'"))
                        continue
                    }
                    guard hit else { continue }
                    var a = Annotations()
                    errors += evaluate(sub, m.value, JSONPointer.appending(p, m.key), &a)
                    if annotate { ann.properties.insert(ScalarKey(m.key)) }
                }
            }
            return errors
        case .additionalProperties(let sub, let known, let patterns):
            guard let members = n.members else { return [] }
            var errors: [SchemaError] = []
            for m in members where known.schema(for: m.key) == nil && !patterns.contains(where: { $0.matches(m.key) }) {
                var a = Annotations()
                let cp = JSONPointer.appending(p, m.key)
                let e = evaluate(sub, m.value, cp, &a)
                if !e.isEmpty {
                    errors += isFalse(sub) ? [SchemaError(instancePointer: cp, instanceRange: m.keyRange, keyword: "additionalProperties",
                                                          keywordLocation: s.location + "/additionalProperties",
                                                          message: SchemaMessage.additionalProperty(m.key, known: known.names))] : e
                }
                if annotate { ann.properties.insert(ScalarKey(m.key)) }
            }
            return errors
        case .propertyNames(let sub):
            guard let members = n.members else { return [] }
            var errors: [SchemaError] = []
            for m in members {
                var a = Annotations()
                let keyNode = Node(.string(m.key), m.keyRange)
                if !evaluate(sub, keyNode, JSONPointer.appending(p, m.key), &a).isEmpty {
                    errors.append(SchemaError(instancePointer: JSONPointer.appending(p, m.key), instanceRange: m.keyRange,
                                              keyword: "propertyNames", keywordLocation: s.location + "/propertyNames",
                                              message: "property name '\(m.key)' does not match 'propertyNames'"))
                }
            }
            return errors

        case .type(let types):
            if types.contains(where: { $0.matches(n) }) { return [] }
            return [error(s, "type", n, p, SchemaMessage.type(types, n))]
        case .enumeration(let values):
            if values.contains(where: { $0 == n }) { return [] }
            return [error(s, "enum", n, p, SchemaMessage.enumeration(n, shown: SchemaMessage.enumShown(values), strings: values.compactMap(\.string)))]
        case .const(let value):
            return value == n ? [] : [error(s, "const", n, p, "expected \(Describe.json(value)), got \(Describe.value(n))")]
        case .multipleOf(let m):
            guard let v = n.number?.value else { return [] }
            let q = v / m
            let ok = q.isFinite && abs(q - q.rounded()) <= 1e-9 * max(1, abs(q))
            return ok ? [] : [error(s, "multipleOf", n, p, "\(Describe.value(n)) is not a multiple of \(SchemaMessage.number(m))")]
        case .maximum(let m):
            guard let v = n.number?.value, v > m else { return [] }
            return [error(s, "maximum", n, p, SchemaMessage.maximum(n, m))]
        case .exclusiveMaximum(let m):
            guard let v = n.number?.value, v >= m else { return [] }
            return [error(s, "exclusiveMaximum", n, p, SchemaMessage.exclusiveMaximum(n, m))]
        case .minimum(let m):
            guard let v = n.number?.value, v < m else { return [] }
            return [error(s, "minimum", n, p, SchemaMessage.minimum(n, m))]
        case .exclusiveMinimum(let m):
            guard let v = n.number?.value, v <= m else { return [] }
            return [error(s, "exclusiveMinimum", n, p, SchemaMessage.exclusiveMinimum(n, m))]
        case .maxLength(let m):
            guard let str = n.string, str.unicodeScalars.count > m else { return [] }
            return [error(s, "maxLength", n, p, SchemaMessage.maxLength(n, m))]
        case .minLength(let m):
            guard let str = n.string, str.unicodeScalars.count < m else { return [] }
            return [error(s, "minLength", n, p, SchemaMessage.minLength(n, m))]
        case .pattern(let pattern):
            guard let str = n.string else { return [] }
            guard let message = SchemaMessage.pattern(n, pattern, matched: pattern.test(str)) else { return [] }
            return [error(s, "pattern", n, p, message)]
        case .maxItems(let m):
            guard let a = n.elements, a.count > m else { return [] }
            return [error(s, "maxItems", n, p, SchemaMessage.maxItems(a.count, m))]
        case .minItems(let m):
            guard let a = n.elements, a.count < m else { return [] }
            return [error(s, "minItems", n, p, SchemaMessage.minItems(a.count, m))]
        case .uniqueItems:
            guard let a = n.elements, a.count > 1 else { return [] }
            // One pass with a canonical form per item (not all pairs: 100,000 items stay fast).
            // Reported: the earliest item that has a repeat, and its first repeat.
            var first: [ScalarKey: Int] = [:]
            var found: (i: Int, j: Int)?
            for (j, item) in a.enumerated() {
                var key = ""
                Self.canonical(item, into: &key)
                if let i = first[ScalarKey(key)] {
                    if found.map({ i < $0.i }) ?? true { found = (i, j) }
                } else {
                    first[ScalarKey(key)] = j
                }
            }
            guard let (i, j) = found else { return [] }
            return [error(s, "uniqueItems", a[j], JSONPointer.appending(p, j), "item \(j) repeats item \(i) (\(Describe.json(a[j]))); items must be unique")]
        case .maxProperties(let m):
            guard let o = n.members, o.count > m else { return [] }
            return [error(s, "maxProperties", n, p, SchemaMessage.maxProperties(o.count, m))]
        case .minProperties(let m):
            guard let o = n.members, o.count < m else { return [] }
            return [error(s, "minProperties", n, p, SchemaMessage.minProperties(o.count, m))]
        case .required(let names):
            guard n.isObject else { return [] }
            let missing = names.filter { n.member($0) == nil }
            guard !missing.isEmpty else { return [] }
            let at = SourceRange(start: n.range.start, end: n.range.start + 1)
            return missing.map {
                SchemaError(instancePointer: p, instanceRange: at, keyword: "required", keywordLocation: s.location + "/required",
                            message: SchemaMessage.required($0))
            }
        case .dependentRequired(let deps):
            guard n.isObject else { return [] }
            var errors: [SchemaError] = []
            for (key, needed) in deps where n.member(key) != nil {
                for other in needed where n.member(other) == nil {
                    errors.append(error(s, "dependentRequired", n, p, "property '\(other)' is required when '\(key)' is present"))
                }
            }
            return errors
        case .format(let name):
            guard formatAssertion, let str = n.string, let ok = Formats.check(name, str), !ok else { return [] }
            return [error(s, "format", n, p, "\(Describe.value(n)) is not a valid \(name)")]
        }
    }

    private func closest(_ failures: [[SchemaError]], _ s: Schema, _ kw: String, _ n: Node, _ p: String, _ summary: String) -> [SchemaError] {
        SchemaMessage.closest(failures, keyword: kw, keywordLocation: s.location + "/" + kw, n, p, summary)
    }

    /// A string equal for two values exactly when Node's `==` says so: numbers by value, strings
    /// by code point, object keys in code point order.
    static func canonical(_ n: Node, into out: inout String) {
        switch n.kind {
        case .null: out += "n"
        case .bool(let b): out += b ? "t" : "f"
        case .number(let x): out += "d\(x.value == 0 ? 0 : x.value);"
        case .string(let t): out += "s\(t.utf8.count):" + t
        case .array(let items):
            out += "a\(items.count)["
            for item in items { canonical(item, into: &out) }
            out += "]"
        case .object(let members):
            out += "o\(members.count){"
            for m in members.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
                out += "s\(m.key.utf8.count):" + m.key
                canonical(m.value, into: &out)
            }
            out += "}"
        }
    }
}
