/// SARIF 2.1.0 for code-scanning upload. Rule ids are the stable BP ids; a fingerprint from
/// rule + file + JSON pointer (not the line) keeps alerts stable when lines move.
public enum SARIFRenderer {
    public static func render(_ report: ValidationReport, toolVersion: String) -> String {
        renderBytes(report, toolVersion: toolVersion).string
    }

    /// The log as UTF-8, streamed (see JSONStream); the tests compare it with the JSONOut tree
    /// this renderer used to build.
    public static func renderBytes(_ report: ValidationReport, toolVersion: String) -> OutputBuffer {
        let rules = RuleCatalog.descriptions
        let index = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($0.element.id, $0.offset) })
        var j = JSONStream(capacity: 65536 + report.files.reduce(0) { $0 + $1.diagnostics.count } * 900)
        j.beginObject()
        j.field("$schema", "https://json.schemastore.org/sarif-2.1.0.json")
        j.field("version", "2.1.0")
        j.key("runs")
        j.beginArray()
        j.element()
        j.beginObject()
        j.key("tool")
        j.beginObject()
        j.key("driver")
        j.beginObject()
        j.field("name", "bpctl")
        j.field("version", toolVersion)
        j.field("informationUri", "https://github.com/cunningham-lab/neurocaas")
        j.key("rules")
        j.beginArray()
        for r in rules {
            j.element()
            rule(r, &j)
        }
        j.endArray()
        j.endObject()
        j.endObject()
        // SourceFile columns count Unicode scalars, not UTF-16 units (SARIF's default).
        j.field("columnKind", "unicodeCodePoints")
        j.key("results")
        j.beginArray()
        for file in report.files {
            for d in file.diagnostics {
                j.element()
                result(d, index, suppression: nil, &j)
            }
        }
        // Listed with `suppressions` (not dropped) so code scanning shows them as dismissed.
        for file in report.files {
            for s in file.suppressedDiagnostics {
                j.element()
                result(s.diagnostic, index, suppression: s.origin, &j)
            }
        }
        j.endArray()
        j.endObject()
        j.endArray()
        j.endObject()
        j.out.byte(0x0A)
        return j.out
    }

    private static func result(_ d: Diagnostic, _ index: [String: Int], suppression: SuppressedDiagnostic.Origin?,
                               _ j: inout JSONStream) {
        j.beginObject()
        j.field("ruleId", d.ruleID)
        if let i = index[d.ruleID] { j.field("ruleIndex", i) }
        j.field("level", level(d.severity))
        textObject("message", d.hint.map { d.message + "\nhint: " + $0 } ?? d.message, &j)
        j.key("locations")
        j.beginArray()
        j.element()
        j.beginObject()
        j.key("physicalLocation")
        physical(d.file, d.start, d.end, &j)
        j.endObject()
        j.endArray()
        j.key("partialFingerprints")
        j.beginObject()
        j.field("bpctl/v1", fingerprint(d))
        j.endObject()
        if !d.related.isEmpty {
            j.key("relatedLocations")
            j.beginArray()
            for (i, r) in d.related.enumerated() {
                j.element()
                j.beginObject()
                j.field("id", i)
                textObject("message", r.message, &j)
                j.key("physicalLocation")
                physical(r.file, r.location, nil, &j)
                j.endObject()
            }
            j.endArray()
        }
        if let suppression {
            j.key("suppressions")
            j.beginArray()
            j.element()
            j.beginObject()
            switch suppression {
            case .inSource(let reason):
                j.field("kind", "inSource")
                j.field("justification", optional: reason)
            case .external(let reason, let by):
                j.field("kind", "external")
                j.field("justification", optional: reason)
                j.key("properties")
                j.beginObject()
                j.field("suppressedBy", by)
                j.endObject()
            }
            j.endObject()
            j.endArray()
        }
        j.endObject()
    }

    static func level(_ s: Severity) -> String {
        switch s {
        case .error: return "error"
        case .warning: return "warning"
        case .info: return "note"
        }
    }

    private static func rule(_ r: RuleDescription, _ j: inout JSONStream) {
        j.beginObject()
        j.field("id", r.id)
        j.field("name", r.name)
        textObject("shortDescription", r.summary, &j)
        textObject("fullDescription", r.rationale, &j)
        textObject("help", r.summary + " " + r.rationale, &j)
        j.key("defaultConfiguration")
        j.beginObject()
        j.field("level", level(r.severity))
        j.endObject()
        j.endObject()
    }

    /// `"key": {"text": …}`
    private static func textObject(_ key: String, _ text: String, _ j: inout JSONStream) {
        j.key(key)
        j.beginObject()
        j.field("text", text)
        j.endObject()
    }

    private static func physical(_ file: String, _ start: SourceLocation, _ end: SourceLocation?, _ j: inout JSONStream) {
        j.beginObject()
        j.key("artifactLocation")
        j.beginObject()
        j.field("uri", uri(file))
        j.endObject()
        j.key("region")
        j.beginObject()
        j.field("startLine", start.line)
        j.field("startColumn", start.column)
        if let end, end.offset > start.offset {
            j.field("endLine", end.line)
            j.field("endColumn", end.column)
        }
        j.endObject()
        j.endObject()
    }

    /// Relative paths stay relative (code scanning resolves them against the checkout); absolute
    /// ones become file:// URIs. Everything but RFC 3986 unreserved characters and '/' is
    /// percent-encoded as UTF-8, so spaces, '%', CR and LF cannot break the URI.
    static func uri(_ path: String) -> String {
        var out = OutputBuffer(capacity: path.utf8.count + 8)
        if path.hasPrefix("/") { out.write("file://") }
        let hex: StaticString = "0123456789ABCDEF"
        for b in path.utf8 {
            switch b {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.byte(b)
            default:
                out.byte(UInt8(ascii: "%"))
                out.byte(hex.utf8Start[Int(b >> 4)])
                out.byte(hex.utf8Start[Int(b & 0xF)])
            }
        }
        return out.string
    }

    /// FNV-1a of rule, file and pointer: stable across runs and line moves.
    static func fingerprint(_ d: Diagnostic) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        func add(_ s: String) {
            for b in s.utf8 {
                h ^= UInt64(b)
                h = h &* 0x100_0000_01b3
            }
        }
        func separator() { h = h &* 0x100_0000_01b3 } // a 0 byte: h ^= 0 changes nothing
        add(d.ruleID); separator(); add(d.file); separator(); add(d.pointer ?? ""); separator(); add(d.message)
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
