import ArgumentParser
import BlueprintKit
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import PlatformSupport
#if canImport(Glibc)
import Glibc
#endif

/// `bpctl validate` with its options as plain values (ValidateCommand's, one for one): checked
/// by `validate()`, run by `run()`. ValidateCommand and the start-up fast path both build one.
struct ValidateRun {
    var paths: [String]
    var format: OutputFormat
    var failOn: FailThreshold
    var ignore: [String]
    var protocols: String?
    var schema: String?
    var color: ColorChoice
    var noRules: Bool
    var noSchema: Bool
    var formatAssert: Bool
    var noFleet: Bool
    var noConfig: Bool

    func validate() throws {
        _ = try resolvedIgnores()
        if noRules && noSchema { throw ValidationError("--no-rules and --no-schema together leave nothing to check") }
        if schema != nil && noSchema { throw ValidationError("--schema and --no-schema contradict each other") }
        // A path flag that names nothing usable is the caller's mistake (exit 2 naming the flag),
        // never a finding about the blueprint.
        if let protocols {
            try PathCheck.require(protocols, flag: "--protocols", is: .directory)
            let modules = (try? FileManager.default.contentsOfDirectory(atPath: protocols))?.filter { $0.hasSuffix(".py") } ?? []
            if modules.isEmpty {
                throw ValidationError("--protocols \(String(reflecting: protocols)): no Python modules (*.py) in it; pass the neurocaas repo's ncap_iac/protocols")
            }
        }
        if let schema { try PathCheck.require(schema, flag: "--schema", is: .file) }
        if paths.filter({ $0 == "-" }).count > 1 { throw ValidationError("- (standard input) can be given once") }
        for path in paths where path != "-" { try PathCheck.require(path, flag: "PATH", is: .any) }
    }

    /// True when `validate()` would pass, answered with stat and access alone (PathCheck's
    /// FileManager calls cost 0.56 M instructions); false means "ask validate()", which then
    /// gives the exact message. Only for the shapes the fast path builds.
    func passesQuickly() -> Bool {
        guard ignore.isEmpty, protocols == nil, schema == nil, !(noRules && noSchema) else { return false }
        for path in paths {
            var st = stat()
            guard path != "-", stat(path, &st) == 0, access(path, R_OK) == 0 else { return false }
        }
        return true
    }

    func run() throws {
        var choice: SchemaChoice = noSchema ? .none : .bundled
        if let schema {
            switch SchemaLoader.load(path: schema) {
            case .success(let s): choice = .custom(s)
            case .failure(let problems):
                handOffWithoutPatternEngine(standardInput: nil)
                render(ValidationReport(files: [problems.file]))
                throw ExitCode(ExitStatus.usage)
            }
        }
        var inputs: [Validator.Input] = []
        var files: [String] = []
        var fileSlots: [Int] = [] // where each file goes in `inputs`
        var standardInput: [UInt8]?
        for path in paths.isEmpty ? ["."] : paths {
            if path == "-" {
                switch DescriptorIO.readAll(STDIN_FILENO) {
                case .success(let bytes):
                    standardInput = bytes
                    inputs.append(.bytes(path: "<stdin>", bytes))
                // FileHandle trapped here (standard input a directory, say); now a usage error.
                case .failure(let error): throw ValidationError("- (standard input) cannot be read: \(error)")
                }
                continue
            }
            do {
                let found = try noRules ? FileDiscovery.instances(in: [path]) : FileDiscovery.blueprints(in: [path])
                for file in found {
                    fileSlots.append(inputs.count)
                    files.append(file)
                    inputs.append(.file(file))
                }
            } catch {
                throw ValidationError(error.message)
            }
        }
        let keep = InputDeduplication.firstOccurrences(files)
        for k in files.indices.reversed() where !keep[k] { inputs.remove(at: fileSlots[k]) }
        var options = ValidationOptions(protocolsDirectory: protocols, ignoredRules: try resolvedIgnores(),
                                        fleetChecks: !noFleet, configFiles: !noConfig && !noRules,
                                        schema: choice, rules: !noRules, formatAssertion: formatAssert)
        options.keepTreesUntilExit = true  // the process ends after rendering
        let report = Validator.validate(inputs, options: options)
        handOffWithoutPatternEngine(standardInput: standardInput)
        render(report)
        let code = report.exitCode(failOn: failOn)
        // The process ends after this: the report (every finding and source file) is kept
        // rather than freed piece by piece (0.2 M instructions of releases).
        ValidateRun.finished = report
        if code != 0 { throw ExitCode(code) }
    }

    nonisolated(unsafe) private static var finished: ValidationReport?

    /// A schema pattern needed the ICU engine, which only bpctl-full links (SchemaICU): before
    /// anything is printed, bpctl-full answers instead, with the same arguments, environment and
    /// standard input. In bpctl-full the engine is registered, so this never runs there.
    private func handOffWithoutPatternEngine(standardInput: [UInt8]?) {
        guard PatternEngine.wasNeeded, !PatternEngine.isRegistered else { return }
        Companion.exec("bpctl-full", front: "bpctl", arguments: CommandLine.arguments, standardInput: standardInput)
    }

    private func render(_ report: ValidationReport) {
        let out: OutputBuffer
        switch format {
        case .text: out = TextRenderer(color: colorOn).renderBytes(report)
        case .json: out = JSONRenderer.renderBytes(report)
        case .sarif: out = SARIFRenderer.renderBytes(report, toolVersion: BPCtlVersion.current)
        case .github: out = GitHubRenderer.renderBytes(report)
        }
        DescriptorIO.write(STDOUT_FILENO, bytes: out.bytes)
    }

    /// Terminal.color with only the four variables it reads (ProcessInfo's whole environment
    /// dictionary is not needed).
    private var colorOn: Bool {
        guard color == .auto else { return Terminal.color(color, environment: [:]) }
        var environment: [String: String] = [:]
        for name in ["FORCE_COLOR", "CLICOLOR_FORCE", "NO_COLOR", "TERM"] {
            if let v = getenv(name) { environment[name] = String(cString: v) }
        }
        return Terminal.color(color, environment: environment)
    }

    private func resolvedIgnores() throws -> Set<String> {
        var ids = Set<String>()
        for item in ignore.flatMap({ $0.split(separator: ",").map { $0.trimmingWhitespace() } }) where !item.isEmpty {
            guard let id = RuleCatalog.resolve(item) else {
                throw ValidationError("--ignore \(item): no such rule\(Suggest.phrase(for: item, in: RuleCatalog.allNames)) (see 'bpctl rules')")
            }
            ids.insert(id)
        }
        return ids
    }
}

/// Which of the discovered files to validate: the first of those naming the same file as NSString's
/// `standardizingPath` sees it (symlinks resolved), as before; PathText.standardizing takes the
/// same steps without NSString. That call costs ~110 k instructions a path, so it is made only
/// for files that share a device and inode with another input (the only ones it can merge),
/// unless a path has a form where its own rules (`~`, `/private`, `/var/automount`) could merge
/// different files: then for all, as before.
enum InputDeduplication {
    /// Byte search (Foundation's `contains` cost 15 k instructions a call).
    static func contains(_ s: String, _ part: String) -> Bool {
        let a = Array(s.utf8), b = Array(part.utf8)
        guard a.count >= b.count else { return false }
        return (0...(a.count - b.count)).contains { i in a[i..<(i + b.count)].elementsEqual(b) }
    }

    static func firstOccurrences(_ files: [String]) -> [Bool] {
        var identities: [(UInt64, UInt64)] = []
        var exact = false
        for f in files {
            var st = stat()
            if f.hasPrefix("~") || contains(f, "/private") || contains(f, "/var/automount") || stat(f, &st) != 0 {
                exact = true
                break
            }
            identities.append((UInt64(st.st_dev), UInt64(st.st_ino)))
        }
        var needsKey = [Bool](repeating: exact, count: files.count)
        if !exact {
            // Sorting the identities finds the shared ones without hashing a tuple type.
            let order = identities.indices.sorted { identities[$0] < identities[$1] }
            for k in order.indices.dropFirst() where identities[order[k]] == identities[order[k - 1]] {
                needsKey[order[k]] = true
                needsKey[order[k - 1]] = true
            }
        }
        var seen = Set<String>()
        guard needsKey.contains(true) else { return needsKey.map { !$0 } }
        return files.indices.map { k in
            !needsKey[k] || seen.insert(PathText.standardizing(files[k])).inserted
        }
    }
}
