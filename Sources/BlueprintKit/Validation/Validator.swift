import Dispatch
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What to check and how.
public struct ValidationOptions: Sendable {
    public var protocolsDirectory: String?
    /// Rule ids from --ignore (already resolved).
    public var ignoredRules: Set<String> = []
    /// Run fleet rules when more than one blueprint is validated.
    public var fleetChecks = true
    /// Read `.bpctl.yaml` files above the blueprints.
    public var configFiles = true
    /// The JSON Schema applied before the rules (the bundled blueprint schema by default).
    public var schema: SchemaChoice
    /// Run the NeuroCAAS rules (off for generic `--schema FILE --no-rules` validation).
    public var rules = true
    /// Check `format` values instead of treating them as annotations.
    public var formatAssertion = false
    /// Leave the parsed trees allocated when `validate` returns, for a process that exits right
    /// after (`bpctl validate`), as clang's driver passes -disable-free to its frontend: freeing
    /// the nodes one by one cost 4.5 M instructions, 18% of validating the shared blueprints.
    /// Never set it in a process that validates repeatedly: the trees are never freed.
    public var keepTreesUntilExit = false

    public init(protocolsDirectory: String? = nil, ignoredRules: Set<String> = [], fleetChecks: Bool = true, configFiles: Bool = true,
                schema: SchemaChoice = .bundled, rules: Bool = true, formatAssertion: Bool = false) {
        self.protocolsDirectory = protocolsDirectory
        self.ignoredRules = ignoredRules
        self.fleetChecks = fleetChecks
        self.configFiles = configFiles
        self.schema = schema
        self.rules = rules
        self.formatAssertion = formatAssertion
    }
}

/// Which JSON Schema `validate` applies.
public enum SchemaChoice: Sendable {
    /// schemas/blueprint.schema.json, compiled on first use (while other files parse).
    case bundled
    case custom(CompiledSchema)
    case none

    var compiled: CompiledSchema? {
        switch self {
        case .bundled: return BlueprintSchema.compiled
        case .custom(let s): return s
        case .none: return nil
        }
    }
}

/// The one pipeline: bytes → Document → Blueprint → rules → suppressions → report.
/// Files are independent until the fleet checks, so many of them are checked concurrently.
public enum Validator {
    private static let fileRules: [any Rule] = RuleCatalog.fileRules.map { $0.init() }
    private static let fleetRules: [any FleetRule] = RuleCatalog.fleetRules.map { $0.init() }

    /// Validate files on disk.
    public static func validate(files: [String], options: ValidationOptions = .init()) -> ValidationReport {
        validate(count: files.count, options: options) { Document.load(path: files[$0]) }
    }

    /// Validate in-memory inputs (tests, examples, stdin).
    public static func validate(inputs: [(path: String, bytes: [UInt8])], options: ValidationOptions = .init()) -> ValidationReport {
        validate(count: inputs.count, options: options) { Document.parse(path: inputs[$0].path, bytes: inputs[$0].bytes) }
    }

    /// One input: a file on disk, or bytes already read (standard input for `bpctl validate -`).
    public enum Input: Sendable {
        case file(String)
        case bytes(path: String, [UInt8])
    }

    /// Files and in-memory inputs together, in the order given. Bytes without a .json/.yaml
    /// name are JSON when they start with `{` or `[`, else YAML.
    public static func validate(_ inputs: [Input], options: ValidationOptions = .init()) -> ValidationReport {
        validate(count: inputs.count, options: options) {
            switch inputs[$0] {
            case .file(let path): return Document.load(path: path)
            case .bytes(let path, let bytes):
                let first = bytes.first { ![0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }
                let lower = path.lowercased()
                let syntax: Document.Syntax = lower.hasSuffix(".json") || lower.hasSuffix(".yaml") || lower.hasSuffix(".yml")
                    ? Document.syntax(forPath: path) : (first == UInt8(ascii: "{") || first == UInt8(ascii: "[") ? .json : .yaml)
                return Document.parse(path: path, bytes: bytes, syntax: syntax)
            }
        }
    }

    static func validate(count: Int, options: ValidationOptions,
                         load: @Sendable (Int) -> Result<Document, LoadError>) -> ValidationReport {
        let context = RuleContext(protocolsDirectory: options.protocolsDirectory)
        // Reading and parsing cost ~100 instructions a byte; checking costs far more. Files are
        // parsed in order, then checked on all cores only when there is enough to check:
        // threads cost CPU time of their own (see `concurrentBytes`).
        // Kept as a plain enum: an array of Result<Document, LoadError> needs the run-time
        // lookup of LoadError: Error for its metadata (~1 M instructions once per process).
        var loaded: [Loaded] = []
        loaded.reserveCapacity(count)
        var bytes = 0
        for i in 0..<count {
            switch load(i) {
            case .success(let doc):
                bytes += doc.source.bytes.count
                loaded.append(.document(doc))
            case .failure(let e): loaded.append(.failed(e))
            }
        }
        var results: [FileResult] = []
        var blueprints: [(index: Int, blueprint: Blueprint)] = []
        results.reserveCapacity(count)
        func add(_ result: FileResult, _ blueprint: Blueprint?) {
            if let blueprint, options.rules { blueprints.append((results.count, blueprint)) }
            results.append(result)
        }
        if Concurrency.use(files: count, bytes: bytes) {
            let slots = CheckSlots(count)
            let loaded = loaded
            DispatchQueue.concurrentPerform(iterations: count) { i in
                let (result, blueprint) = check(loaded[i], options, context)
                slots.set(i, result, blueprint)
            }
            for i in 0..<count { add(slots.result(i), slots.blueprint(i)) }
        } else {
            for item in loaded {
                let (result, blueprint) = check(item, options, context)
                add(result, blueprint)
            }
        }
        if options.fleetChecks && blueprints.count > 1 {
            let fleet = blueprints.map(\.blueprint)
            let byPath = Dictionary(blueprints.map { ($0.blueprint.source.path, $0.index) }, uniquingKeysWith: { a, _ in a })
            for d in fleetRules.flatMap({ $0.check(fleet, context) }) {
                if let i = byPath[d.file] { results[i].diagnostics.append(d) }
            }
        }
        applySuppressions(&results, blueprints: blueprints, options: options)
        for i in results.indices {
            results[i].cap(InputLimits.maxFindingsPerFile)
            results[i].diagnostics = Diagnostic.sortedByPosition(results[i].diagnostics)
        }
        if options.keepTreesUntilExit { _ = Unmanaged.passRetained(KeptTrees(loaded, blueprints.map(\.blueprint))) }
        return ValidationReport(files: results)
    }

    /// The documents and blueprints of a run, retained once more and never released
    /// (`ValidationOptions.keepTreesUntilExit`).
    private final class KeptTrees {
        let loaded: [Loaded]
        let blueprints: [Blueprint]
        init(_ loaded: [Loaded], _ blueprints: [Blueprint]) {
            self.loaded = loaded
            self.blueprints = blueprints
        }
    }

    /// When to check files on several threads. Measured on the 2-core VM (`perf stat -r 15..40`,
    /// BPCTL_VALIDATE_THREADS forcing each way, same build): task-clock serial / concurrent
    /// 11.7 / 12.8 ms for the 24 shared blueprints (47 KB), 17.2 / 19.3 ms at 94 KB, 29.2 / 32.6 ms
    /// at 188 KB, 67.4 / 76.8 ms at 470 KB: threads cost 9-14% more CPU at every size (the
    /// instruction counts are equal, 65.50 / 65.55 M at 47 KB: the extra is thread start-up,
    /// scheduling and contention in the kernel), and on the loaded machine they did not shorten
    /// the wall time either. They pay only in wall time on idle cores with much to check.
    enum Concurrency {
        /// Total bytes (~500 blueprints) from which checking runs on all cores.
        static let concurrentBytes = 1 << 20

        /// BPCTL_VALIDATE_THREADS=serial|concurrent overrides the choice (for measuring it).
        static func use(files: Int, bytes: Int) -> Bool {
            guard files > 1 else { return false }
            if let forced = getenv("BPCTL_VALIDATE_THREADS") {
                return strcmp(forced, "concurrent") == 0
            }
            return bytes >= concurrentBytes
        }
    }

    /// One slot per file, each written by exactly one iteration (an Array's copy-on-write
    /// check is not safe across threads). Not generic, so no type metadata is built at run time.
    private final class CheckSlots: @unchecked Sendable {
        private let results: UnsafeMutablePointer<FileResult?>
        private let blueprints: UnsafeMutablePointer<Blueprint?>
        private let count: Int

        init(_ count: Int) {
            self.count = count
            results = .allocate(capacity: count)
            results.initialize(repeating: nil, count: count)
            blueprints = .allocate(capacity: count)
            blueprints.initialize(repeating: nil, count: count)
        }

        func set(_ i: Int, _ result: FileResult, _ blueprint: Blueprint?) {
            results[i] = result
            blueprints[i] = blueprint
        }

        func result(_ i: Int) -> FileResult { results[i]! }
        func blueprint(_ i: Int) -> Blueprint? { blueprints[i] }

        deinit {
            results.deinitialize(count: count)
            results.deallocate()
            blueprints.deinitialize(count: count)
            blueprints.deallocate()
        }
    }

    /// A file read and parsed, or why not.
    private enum Loaded: Sendable {
        case document(Document)
        case failed(LoadError)
    }

    /// Parse result → schema and rule findings for one file (no shared state: runs concurrently).
    private static func check(_ item: Loaded, _ options: ValidationOptions,
                              _ context: RuleContext) -> (FileResult, Blueprint?) {
        switch item {
        case .failed(let e):
            let d = Diagnostic(ruleID: MetaRules.parse.id, severity: .error, message: e.error.message, hint: e.error.hint,
                               source: e.source, range: .at(e.error.offset), pointer: nil,
                               related: e.error.related.map { [.init(message: $0.message, file: e.source.path,
                                                                     location: e.source.location(of: $0.offset))] } ?? [])
            return (FileResult(path: e.source.path, source: e.source, diagnostics: [d], parsed: false), nil)
        case .document(let doc):
            let bp = Blueprint(document: doc)
            let found = options.rules ? fileRules.flatMap { $0.check(bp, context) } : []
            let schemaFindings = options.schema.compiled.map {
                SchemaFindings.diagnostics($0, doc, formatAssertion: options.formatAssertion, coveredBy: found)
            } ?? []
            return (FileResult(path: doc.source.path, source: doc.source, diagnostics: schemaFindings + found, parsed: true), bp)
        }
    }

    private static func applySuppressions(_ results: inout [FileResult], blueprints: [(index: Int, blueprint: Blueprint)],
                                          options: ValidationOptions) {
        let finder = ConfigFinder()
        for (index, bp) in blueprints {
            var rules: [String: SuppressedDiagnostic.Origin] = [:]
            if let meta = bp.root["Metadata"]?["bpctl"] {
                let (list, diags) = SuppressionReader.read(list: meta["ignore"], pointer: "/Metadata/bpctl/ignore",
                                                           source: bp.source, allowPath: false)
                for s in list { rules[s.ruleID] = .inSource(reason: s.reason) }
                results[index].diagnostics += diags
            }
            if options.configFiles, let config = finder.config(for: bp.source.path) {
                for s in config.suppressions(for: bp.source.path) where rules[s.ruleID] == nil {
                    rules[s.ruleID] = .external(reason: s.reason, by: Paths.display(config.path))
                }
            }
            results[index].drop(rules)
        }
        // Each config file's own problems are reported once, as a file of the report.
        for config in finder.loaded where !config.diagnostics.isEmpty {
            results.append(FileResult(path: Paths.display(config.path), source: config.source, diagnostics: config.diagnostics.map {
                Diagnostic(ruleID: $0.ruleID, severity: $0.severity, message: $0.message, hint: $0.hint, file: Paths.display(config.path),
                           start: $0.start, end: $0.end, pointer: $0.pointer, related: $0.related)
            }, parsed: !config.diagnostics.contains { $0.ruleID == MetaRules.parse.id }, isConfig: true))
        }
        let flag = Dictionary(uniqueKeysWithValues: options.ignoredRules.map { ($0, SuppressedDiagnostic.Origin.external(reason: "--ignore \($0)", by: "--ignore")) })
        for i in results.indices { results[i].drop(flag) }
    }
}

/// One file's findings.
public struct FileResult: Sendable {
    public let path: String
    public let source: SourceFile?
    public var diagnostics: [Diagnostic]
    /// False when the file could not be read or parsed (BP000): exit code 2.
    public let parsed: Bool
    /// A `.bpctl.yaml` (its own problems), not a validated input: not counted in summaries, and
    /// an error in it is a configuration problem (exit 2).
    public let isConfig: Bool
    /// Findings a suppression removed, kept for SARIF's `suppressions`.
    public var suppressedDiagnostics: [SuppressedDiagnostic] = []
    public var suppressed: Int { suppressedDiagnostics.count }
    /// Findings past the per-file cap, by severity: counted in the summary and the exit code,
    /// not rendered one by one (thousands of findings in a hostile file make output quadratic to read).
    public var omitted: [Severity: Int] = [:]
    public var omittedCount: Int { omitted.values.reduce(0, +) }

    public init(path: String, source: SourceFile?, diagnostics: [Diagnostic], parsed: Bool, isConfig: Bool = false) {
        self.path = path
        self.source = source
        self.diagnostics = diagnostics
        self.parsed = parsed
        self.isConfig = isConfig
    }

    /// Keep the `limit` most severe findings (earliest first among equals).
    mutating func cap(_ limit: Int) {
        guard diagnostics.count > limit else { return }
        diagnostics.sort { a, b in a.severity != b.severity ? a.severity > b.severity : Diagnostic.ordered(a, b) }
        for d in diagnostics[limit...] { omitted[d.severity, default: 0] += 1 }
        diagnostics.removeSubrange(limit...)
    }

    mutating func drop(_ rules: [String: SuppressedDiagnostic.Origin]) {
        guard !rules.isEmpty else { return }
        var kept: [Diagnostic] = []
        for d in diagnostics {
            // A parse error is never suppressed: there is nothing else to report for that file.
            // Nor is a broken .bpctl.yaml: it decides what is checked.
            if let origin = rules[d.ruleID], d.ruleID != MetaRules.parse.id, !(isConfig && d.severity == .error) {
                suppressedDiagnostics.append(SuppressedDiagnostic(diagnostic: d, origin: origin))
            } else {
                kept.append(d)
            }
        }
        diagnostics = kept
    }
}

/// A finding a suppression removed, and where the suppression was.
public struct SuppressedDiagnostic: Sendable {
    public enum Origin: Sendable, Equatable {
        /// Metadata.bpctl.ignore in the blueprint itself.
        case inSource(reason: String?)
        /// A .bpctl.yaml entry or --ignore.
        case external(reason: String?, by: String)
    }
    public let diagnostic: Diagnostic
    public let origin: Origin
}
