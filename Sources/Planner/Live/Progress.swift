/// Where the live-state reader reports what it is doing (the CLI draws it on stderr).
public protocol ProgressSink: Sendable {
    /// A phase starts with `total` reads.
    func begin(_ phase: String, total: Int)
    /// One read of the current phase finished.
    func advance()
    /// All reading is done.
    func finish()
}
