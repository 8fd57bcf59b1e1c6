struct UnusedFieldRule: Rule {
    static let description = RuleDescription(
        id: "BP103", name: "unused-field", severity: .info,
        summary: "Fields that nothing in the deploy or job path reads (Lambda.Launch, CONFIG, LOGFILE, INDIR, …).",
        rationale: "Dead keys mislead readers into thinking they configure something; Requirements is BP107, a warning.",
        triggering: [.edit(("\"LambdaConfig\": {", "\"Launch\": true,\n        \"LambdaConfig\": {")),
                     .edit(("\"MONITOR\": true,", "\"MONITOR\": true, \"LOGFILE\": \"lambda_log.txt\","))],
        nonTriggering: [.clean])

    /// Spec ids this rule reports: unused keys except Lambda.Requirements, which is BP107's.
    static let unused: [Bool] = CatalogIndex.specs.indices.map {
        CatalogIndex.unusedReason[$0] != nil && !(CatalogIndex.specs[$0].container == FieldCatalog.lambda && CatalogIndex.specs[$0].key == "Requirements")
    }

    /// One finding per object, listing its unused keys, so 40 legacy files do not print 170 lines.
    func check(_ bp: Blueprint, _ context: RuleContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let specs = context.facts(bp).specs, unused = Self.unused
        for (o, object) in bp.catalogObjects.enumerated() {
            // Spec ids first (no member copied for the many objects without unused keys).
            guard specs[o].contains(where: { $0.map { unused[$0] } ?? false }), let members = object.node.members else { continue }
            // (member position, why) of the keys nothing reads: positions, not member copies.
            var plain: [(Int, String)] = []
            plain.reserveCapacity(specs[o].count)
            for (j, spec) in specs[o].enumerated() {
                if let spec, unused[spec], let why = CatalogIndex.unusedReason[spec] { plain.append((j, why)) }
            }
            guard let (firstAt, why) = plain.first else { continue }
            let first = members[firstAt]
            let pointer = JSONPointer.appending(object.pointer, first.key)
            let message: String, hint: String
            if plain.count == 1 {
                message = DottedPointer.text(pointer) + " has no effect: " + why
                hint = "delete it"
            } else {
                // Written into one buffer each: `joined` (generic, its first call resolves types
                // by mangled name) and `+` chains were a third of this rule.
                var reasons: [String] = []
                for (_, r) in plain where !reasons.contains(r) { reasons.append(r) }
                var m = OutputBuffer(capacity: 256)
                m.write(object.label)
                m.literal(" has ")
                m.write(plain.count)
                m.literal(" keys that nothing reads: ")
                for k in plain.indices {
                    if k > 0 { m.literal(", ") }
                    m.write(members[plain[k].0].key)
                }
                message = m.string
                var h = OutputBuffer(capacity: 256)
                h.literal("delete them (")
                for k in reasons.indices {
                    if k > 0 { h.literal("; ") }
                    h.write(reasons[k])
                }
                h.byte(UInt8(ascii: ")"))
                hint = h.string
            }
            out.append(finding(bp, at: first.keyRange, pointer: pointer, message, hint: hint))
        }
        return out
    }
}
