/// Why an input could not be turned into a tree. Always carries a byte offset so the message can
/// say file:line:col and show the line with a caret; never a crash.
public struct ParseError: Error, Sendable, Equatable {
    public let message: String
    public let offset: Int
    public let hint: String?
    /// A second place that matters (the first occurrence of a duplicate key).
    public let related: Related?

    public struct Related: Sendable, Equatable {
        public let message: String
        public let offset: Int
    }

    public init(_ message: String, at offset: Int, hint: String? = nil, related: Related? = nil) {
        self.message = message
        self.offset = offset
        self.hint = hint
        self.related = related
    }
}

/// Input limits, fixed so a hostile or broken file cannot exhaust memory or the stack.
public enum InputLimits {
    /// Largest file bpctl reads (blueprints are a few KB; 8 MiB leaves room for generated ones).
    public static let maxFileBytes = 8 * 1024 * 1024
    /// Deepest nesting of arrays and objects (blueprints nest 4 levels).
    public static let maxDepth = 128
    /// Findings reported one by one per file; the rest are counted in a "… and N more" line.
    public static let maxFindingsPerFile = 1_000
}
