/// How bad a finding is. Ordered so thresholds (`--fail-on`) compare naturally.
public enum Severity: String, Sendable, CaseIterable, Comparable, Codable {
    case info, warning, error

    private var rank: Int { self == .info ? 0 : (self == .warning ? 1 : 2) }
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// The one finding type every check produces and every renderer consumes.
public struct Diagnostic: Sendable, Equatable {
    public let ruleID: String
    public var severity: Severity
    public let message: String
    public let hint: String?
    public let file: String
    public let start: SourceLocation
    public let end: SourceLocation
    /// RFC 6901 pointer of the value the finding is about (nil for file-level findings).
    public let pointer: String?
    public var related: [Related]

    /// Another place that explains the finding (the first duplicate, the other blueprint).
    public struct Related: Sendable, Equatable {
        public let message: String
        public let file: String
        public let location: SourceLocation
        public init(message: String, file: String, location: SourceLocation) {
            self.message = ControlEscape.escape(message)
            self.file = file
            self.location = location
        }
    }

    public init(ruleID: String, severity: Severity, message: String, hint: String?, file: String,
                start: SourceLocation, end: SourceLocation, pointer: String?, related: [Related] = []) {
        self.ruleID = ruleID
        self.severity = severity
        // Every renderer gets values with their control characters escaped (see ControlEscape).
        self.message = ControlEscape.escape(message)
        self.hint = hint.map { ControlEscape.escape($0, keepNewlines: true) }
        self.file = file
        self.start = start
        self.end = end
        self.pointer = pointer
        self.related = related
    }

    /// Build a diagnostic for a byte range of a source file.
    public init(ruleID: String, severity: Severity, message: String, hint: String?, source: SourceFile,
                range: SourceRange, pointer: String?, related: [Related] = []) {
        self.init(ruleID: ruleID, severity: severity, message: message, hint: hint, file: source.path,
                  start: source.location(of: range.start), end: source.location(of: range.end),
                  pointer: pointer, related: related)
    }
}

extension Diagnostic {
    /// Stable order for output: by position, then rule id.
    static func ordered(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        if a.start.offset != b.start.offset { return a.start.offset < b.start.offset }
        return a.ruleID < b.ruleID
    }

    /// `sorted(by: ordered)`, sorting positions instead of the diagnostics themselves (each
    /// comparison copied two diagnostics, a dozen retains: 0.7 M instructions for the shared
    /// blueprints). The same sort algorithm on the same keys gives the same order, ties included.
    static func sortedByPosition(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        guard diagnostics.count > 1 else { return diagnostics }
        let offsets = diagnostics.map(\.start.offset)
        let ids = diagnostics.map(\.ruleID)
        let order = diagnostics.indices.sorted { a, b in
            offsets[a] != offsets[b] ? offsets[a] < offsets[b] : ids[a] < ids[b]
        }
        return order.map { diagnostics[$0] }
    }
}
