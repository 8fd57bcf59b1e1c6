/// The state of one run of a generated schema check (Generated/BlueprintSchemaCheck.swift), and
/// the error-making steps the generated code calls. Everything here mirrors one case of
/// SchemaEvaluator and produces the same SchemaError (GeneratedSchemaCheckTests compare them).
///
/// Why it is cheap: the instance pointer is kept as a stack of steps and written out only when
/// an error needs it (the interpreter builds a String per member and item), errors go into one
/// array instead of one per subschema, and no annotations are collected (the generator refuses
/// unevaluatedProperties/Items, the only keywords that read them).
struct GeneratedRun {
    enum Step {
        case key(String)
        case index(Int)
    }

    var errors: [SchemaError] = []
    private var path: [Step] = []
    /// The schema's patterns, compiled once per process (indexes are the generator's).
    let patterns: [Pattern]

    init(patterns: [Pattern]) {
        self.patterns = patterns
        path.reserveCapacity(16)
    }

    /// The patterns of a generated check; nil if one does not compile here.
    static func compile(_ sources: [String]) -> [Pattern]? {
        var out: [Pattern] = []
        for s in sources {
            guard let p = try? Pattern(s) else { return nil }
            out.append(p)
        }
        return out
    }

    // MARK: instance location

    mutating func enter(_ key: String) { path.append(.key(key)) }
    mutating func enter(_ index: Int) { path.append(.index(index)) }
    mutating func leave() { path.removeLast() }

    /// The JSON Pointer of the current value, as JSONPointer.appending builds it step by step.
    var pointer: String {
        var p = ""
        for step in path {
            switch step {
            case .key(let k): p = JSONPointer.appending(p, k)
            case .index(let i): p = JSONPointer.appending(p, i)
            }
        }
        return p
    }

    // MARK: errors

    mutating func fail(_ n: Node, _ keyword: String, _ location: String, _ message: String) {
        errors.append(SchemaError(instancePointer: pointer, instanceRange: n.range, keyword: keyword,
                                  keywordLocation: location, message: message))
    }

    /// The schema's `description` goes to its errors about this very value that have none yet
    /// (SchemaEvaluator.evaluate's last step).
    mutating func describe(from start: Int, _ text: String) {
        guard errors.count > start else { return }
        let p = pointer
        for i in start..<errors.count where errors[i].description == nil && errors[i].instancePointer == p {
            errors[i].description = text
        }
    }

    // MARK: keywords with more than a comparison

    mutating func pattern(_ n: Node, _ index: Int, _ location: String) {
        guard let s = n.string else { return }
        let matched = patterns[index].test(s)
        if matched == true { return }
        if let message = SchemaMessage.pattern(n, patterns[index], matched: matched) { fail(n, "pattern", location, message) }
    }

    /// Code point equality, lengths first (O(1) for native strings; most names differ in length).
    @inline(__always)
    static func same(_ a: String, _ b: String) -> Bool { a.utf8.count == b.utf8.count && a.sameScalars(as: b) }

    mutating func enumeration(_ n: Node, _ values: [String], shown: String, _ location: String) {
        if let s = n.string, values.contains(where: { Self.same($0, s) }) { return }
        fail(n, "enum", location, SchemaMessage.enumeration(n, shown: shown, strings: values))
    }

    /// One error per missing name, in the schema's order, at the object's first byte.
    mutating func required(_ n: Node, _ names: [String], _ location: String) {
        guard let members = n.members else { return }
        for name in names where !members.contains(where: { Self.same($0.key, name) }) {
            let at = SourceRange(start: n.range.start, end: n.range.start + 1)
            errors.append(SchemaError(instancePointer: pointer, instanceRange: at, keyword: "required",
                                      keywordLocation: location, message: SchemaMessage.required(name)))
        }
    }

    /// `additionalProperties: false` met a member: the error points at the key.
    mutating func additionalProperty(_ m: Node.Member, known: [String], _ location: String) {
        errors.append(SchemaError(instancePointer: JSONPointer.appending(pointer, m.key), instanceRange: m.keyRange,
                                  keyword: "additionalProperties", keywordLocation: location,
                                  message: SchemaMessage.additionalProperty(m.key, known: known)))
    }

    /// `properties` with a false subschema met its member.
    mutating func propertyNotAllowed(_ m: Node.Member, _ location: String) {
        errors.append(SchemaError(instancePointer: JSONPointer.appending(pointer, m.key), instanceRange: m.value.range,
                                  keyword: "properties", keywordLocation: location, message: SchemaMessage.propertyNotAllowed(m.key)))
    }

    /// anyOf: each alternative's errors are set aside; none matched → the closest failure.
    mutating func anyOf(_ n: Node, _ alternatives: [(Node, inout GeneratedRun) -> Void], _ location: String) {
        let base = errors.count
        var failures: [[SchemaError]] = []
        for check in alternatives {
            check(n, &self)
            if errors.count == base { return } // one matched: anyOf reports nothing
            failures.append(Array(errors[base...]))
            errors.removeSubrange(base...)
        }
        errors += SchemaMessage.closest(failures, keyword: "anyOf", keywordLocation: location, n, pointer,
                                        "matches none of the anyOf alternatives")
    }
}
