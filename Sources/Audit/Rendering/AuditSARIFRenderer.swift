import BlueprintKit

/// SARIF 2.1.0, as `bpctl validate --format sarif`: finding kinds as rules, blueprint positions as
/// locations, a fingerprint from id + file + pointer + message so alerts survive line moves.
/// Findings without a blueprint position (IAM-only) carry no location, which SARIF allows.
public enum AuditSARIFRenderer {
    public static func render(_ report: AuditReport, toolVersion: String) -> String {
        let kinds = FindingCatalog.descriptions
        let index = Dictionary(uniqueKeysWithValues: kinds.enumerated().map { ($0.element.id, $0.offset) })
        let results: [JSONOut] = report.findings.map { f in
            var m: [(String, JSONOut)] = [
                ("ruleId", .string(f.id)),
                ("level", .string(level(f.severity))),
                ("message", .object([("text", .string(f.hint.map { "\(f.message)\nhint: \($0)" } ?? f.message))])),
            ]
            if let i = index[f.id] { m.insert(("ruleIndex", .int(i)), at: 1) }
            if let p = f.position {
                m.append(("locations", .array([.object([("physicalLocation", physical(p))])])))
            }
            m.append(("partialFingerprints", .object([("bpctl/v1", .string(fingerprint(f)))])))
            return .object(m)
        }
        return JSONOut.object([
            ("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
            ("version", .string("2.1.0")),
            ("runs", .array([.object([
                ("tool", .object([("driver", .object([
                    ("name", .string("bpctl audit affiliates")), ("version", .string(toolVersion)),
                    ("informationUri", .string("https://github.com/cunningham-lab/neurocaas")),
                    ("rules", .array(kinds.map { k in
                        .object([("id", .string(k.id)), ("name", .string(k.name)),
                                 ("shortDescription", .object([("text", .string(k.summary))])),
                                 ("fullDescription", .object([("text", .string(k.rationale))])),
                                 ("defaultConfiguration", .object([("level", .string(level(k.severity)))]))])
                    })),
                ]))])),
                ("results", .array(results)),
            ])])),
        ]).serialized() + "\n"
    }

    static func level(_ s: Severity) -> String { s == .info ? "note" : s.rawValue }

    private static func physical(_ p: Position) -> JSONOut {
        .object([("artifactLocation", .object([("uri", .string(p.file.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: " ", with: "%20")))])),
                 ("region", .object([("startLine", .int(p.line)), ("startColumn", .int(p.column))]))])
    }

    static func fingerprint(_ f: AuditFinding) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in "\(f.id)\u{0}\(f.position?.file ?? "")\u{0}\(f.position?.pointer ?? "")\u{0}\(f.message)".utf8 {
            h ^= UInt64(b)
            h = h &* 0x100_0000_01b3
        }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
