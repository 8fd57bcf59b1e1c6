/// SARIF 2.1.0 for code-scanning upload. Rule ids are the stable BP ids; a fingerprint from
/// rule + file + JSON pointer (not the line) keeps alerts stable when lines move.
public enum SARIFRenderer {
    public static func render(_ report: ValidationReport, toolVersion: String) -> String {
        let rules = RuleCatalog.descriptions
        let index = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($0.element.id, $0.offset) })
        let suppressed = report.files.flatMap(\.suppressedDiagnostics)
        let results: [JSONOut] = report.all.map { result($0, index) } + suppressed.map { s in
            // Listed with `suppressions` (not dropped) so code scanning shows them as dismissed.
            var r = result(s.diagnostic, index)
            let suppression: [(String, JSONOut)]
            switch s.origin {
            case .inSource(let reason): suppression = [("kind", .string("inSource")), ("justification", .optional(reason))]
            case .external(let reason, let by):
                suppression = [("kind", .string("external")), ("justification", .optional(reason)),
                               ("properties", .object([("suppressedBy", .string(by))]))]
            }
            if case .object(var members) = r {
                members.append(("suppressions", .array([.object(suppression)])))
                r = .object(members)
            }
            return r
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
                // SourceFile columns count Unicode scalars, not UTF-16 units (SARIF's default).
                ("columnKind", .string("unicodeCodePoints")),
                ("results", .array(results)),
            ])])),
        ]).serialized() + "\n"
    }

    private static func result(_ d: Diagnostic, _ index: [String: Int]) -> JSONOut {
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

    /// Relative paths stay relative (code scanning resolves them against the checkout); absolute
    /// ones become file:// URIs. Everything but RFC 3986 unreserved characters and '/' is
    /// percent-encoded as UTF-8, so spaces, '%', CR and LF cannot break the URI.
    static func uri(_ path: String) -> String {
        var out = path.hasPrefix("/") ? "file://" : ""
        for b in path.utf8 {
            switch b {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(b))
            default:
                let hex = String(b, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" : "") + hex
            }
        }
        return out
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
