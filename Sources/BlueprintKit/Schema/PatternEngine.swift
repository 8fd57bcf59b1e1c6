import PlatformSupport

/// A compiled pattern of the engine for what ECMARegex refuses (lookaround, backreferences, `\b`,
/// `\p{…}`).
public protocol PatternMatcher: Sendable {
    /// Whether the pattern matches somewhere in `s`; nil when its work budget ran out first.
    func test(_ s: String) -> Bool?
}

/// A pattern ECMARegex refuses met a process without a registered engine (a front linked
/// without Foundation): the command has to be handed to the full binary, which registers one.
public struct PatternEngineUnavailable: Error, Sendable {
    public let pattern: String
}

/// Where the full-featured regex engine plugs in. BlueprintKit matches the ECMA-262 subset itself
/// (ECMARegex); the ICU engine (NSRegularExpression) lives in the SchemaICU target so that
/// BlueprintKit links without swift-corelibs-foundation, and executables that have Foundation
/// anyway call `SchemaICU.install()` at start-up.
public enum PatternEngine {
    public typealias Factory = @Sendable (String) throws -> any PatternMatcher

    private static let lock = Lock()
    nonisolated(unsafe) private static var factory: Factory?
    nonisolated(unsafe) private static var needed = false

    /// Makes `factory` compile the patterns ECMARegex refuses from now on (the last one wins).
    public static func register(_ factory: @escaping Factory) {
        lock.withLock { Self.factory = factory }
    }

    /// Forgets the registered engine (tests of the front's behaviour).
    public static func unregister() {
        lock.withLock { factory = nil }
    }

    public static var isRegistered: Bool { lock.withLock { factory != nil } }

    /// Whether some pattern needed the engine while none was registered, including where that
    /// cannot throw (a `format: regex` check answers "unknown format", a generated schema check
    /// falls back to the interpreter): a front checks this before it prints anything.
    public static var wasNeeded: Bool { lock.withLock { needed } }

    static func compile(_ source: String) throws -> any PatternMatcher {
        guard let factory = lock.withLock({ () -> Factory? in
            if factory == nil { needed = true }
            return factory
        }) else {
            throw PatternEngineUnavailable(pattern: source)
        }
        return try factory(source)
    }
}
