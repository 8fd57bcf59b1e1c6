/// Turns JSON Schema errors into BP001 diagnostics, leaving out the ones a NeuroCAAS rule
/// already reports for the same value, so each problem is reported once (rules say more).
enum SchemaFindings {
    /// Keywords about an object as a whole, whose rule counterparts point at one of its members.
    static let objectLevel: Set<String> = ["dependentRequired", "minProperties", "maxProperties"]

    static func diagnostics(_ schema: CompiledSchema, _ doc: Document, formatAssertion: Bool, coveredBy rules: [Diagnostic]) -> [Diagnostic] {
        let errors = SchemaEvaluator(schema, formatAssertion: formatAssertion).validate(doc.root)
        guard !errors.isEmpty else { return [] }
        let rulePointers = Set(rules.compactMap { $0.pointer.map(ScalarKey.init) }) // pointers hold user keys
        var seen = Set<ScalarKey>()
        return errors.compactMap { e -> Diagnostic? in
            if rulePointers.contains(ScalarKey(e.instancePointer)) { return nil }
            if objectLevel.contains(e.keyword), rulePointers.contains(where: { $0.string.utf8.starts(with: (e.instancePointer + "/").utf8) }) { return nil }
            guard seen.insert(ScalarKey("\(e.instancePointer)\u{0}\(e.message)")).inserted else { return nil }
            let at = JSONPointer.dotted(e.instancePointer)
            let location = e.keywordLocation.split(separator: "#", maxSplits: 1).last.map { "#" + $0 } ?? e.keywordLocation
            var hint = "schema keyword \(location)"
            if let d = e.description { hint = "\(at.isEmpty ? "" : at + ": ")\(d) (\(hint))" }
            return Diagnostic(ruleID: MetaRules.schema.id, severity: MetaRules.schema.severity,
                              message: at.isEmpty ? e.message : "\(at): \(e.message)", hint: hint,
                              source: doc.source, range: e.instanceRange, pointer: e.instancePointer)
        }
    }
}
