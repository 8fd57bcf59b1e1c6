/// SARIF 2.1.0 for code-scanning upload. Rule ids are the stable BP ids; a fingerprint from
/// rule + file + JSON pointer (not the line) keeps alerts stable when lines move.
public enum SARIFRenderer {
    public static func render(_ report: ValidationReport, toolVersion: String) -> String {
        let rules = RuleCatalog.descriptions
        let index = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($0.element.id, $0.offset) })
        let results: [JSONOut] = report.all.map { d in
            var members: [(String, JSONOut)] = [
                ("ruleId", .string(d.ruleID)),
                ("level", .string(level(d.severity))),
                ("message", .object([("text", .string(d.hint.map { "\(d.message)\nhint: \($0)" } ?? d.message))])),
                ("locations", .array([location(d.file, d.start, d.end)])),
                ("partialFingerprints", .object([("bpctl/v1", .string(fingerprint(d)))])),
            ]
            if let i = index[d.ruleID] { members.insert(("ruleIndex", .int(i)), at: 1) }
            if !d.related.isEmpty {
                members.append(("relatedLocations", .array(d.related.enumerated().map { i, r in
                    .object([("id", .int(i)), ("message", .object([("text", .string(r.message))])),
                             ("physicalLocation", physical(r.file, r.location, nil))])
                })))
            }
            return .object(members)
        }
        return JSONOut.object([
            ("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
            ("version", .string("2.1.0")),
            ("runs", .array([.object([
                ("tool", .object([("driver", .object([
                    ("name", .string("bpctl")),
                    ("version", .string(toolVersion)),
                    ("informationUri", .string("https://github.com/cunningham-lab/neurocaas")),
                    ("rules", .array(rules.map(rule))),
                ]))])),
                ("results", .array(results)),
            ])])),
        ]).serialized() + "\n"
    }

    static func level(_ s: Severity) -> String {
        switch s {
        case .error: return "error"
        case .warning: return "warning"
        case .info: return "note"
        }
    }

    private static func rule(_ r: RuleDescription) -> JSONOut {
        .object([
            ("id", .string(r.id)), ("name", .string(r.name)),
            ("shortDescription", .object([("text", .string(r.summary))])),
            ("fullDescription", .object([("text", .string(r.rationale))])),
            ("help", .object([("text", .string("\(r.summary) \(r.rationale)"))])),
            ("defaultConfiguration", .object([("level", .string(level(r.severity)))])),
        ])
    }

    private static func location(_ file: String, _ start: SourceLocation, _ end: SourceLocation?) -> JSONOut {
        .object([("physicalLocation", physical(file, start, end))])
    }

    private static func physical(_ file: String, _ start: SourceLocation, _ end: SourceLocation?) -> JSONOut {
        var region: [(String, JSONOut)] = [("startLine", .int(start.line)), ("startColumn", .int(start.column))]
        if let end, end.offset > start.offset { region += [("endLine", .int(end.line)), ("endColumn", .int(end.column))] }
        return .object([("artifactLocation", .object([("uri", .string(uri(file)))])), ("region", .object(region))])
    }

    /// Relative paths as-is (SARIF resolves them against the checkout), with spaces escaped.
    private static func uri(_ path: String) -> String {
        path.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: " ", with: "%20")
    }

    /// FNV-1a of rule, file and pointer: stable across runs and line moves.
    static func fingerprint(_ d: Diagnostic) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in "\(d.ruleID)\u{0}\(d.file)\u{0}\(d.pointer ?? "")\u{0}\(d.message)".utf8 {
            h ^= UInt64(b)
            h = h &* 0x100_0000_01b3
        }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

import Foundation
