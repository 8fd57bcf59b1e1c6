import Foundation
import BlueprintKit

/// Files → JobInput → checks → a ValidationReport, so check-job renders and exits like validate.
public enum JobChecker {
    /// The schema file an analysis declares for its configs, beside the blueprint.
    public static let schemaFileName = "config.schema.json"

    public struct Paths: Sendable {
        public var blueprint: String
        public var submit: String
        /// Nil: `<submit dir>/<basename of configname>` when that file exists.
        public var config: String?
        /// Nil: config.schema.json beside the blueprint when it exists.
        public var schema: String?

        public init(blueprint: String, submit: String, config: String? = nil, schema: String? = nil) {
            self.blueprint = blueprint
            self.submit = submit
            self.config = config
            self.schema = schema
        }
    }

    /// What could not be loaded: rendered as a report with exit code 2, like validate's BP000.
    public struct Unloadable: Error, Sendable {
        public let report: ValidationReport
    }

    /// Read and parse the job's files. Unreadable or unparsable files end as a report (exit 2).
    public static func load(_ paths: Paths, group: String? = nil) -> Result<JobInput, Unloadable> {
        var broken: [FileResult] = []
        func doc(_ path: String) -> Document? {
            switch Document.load(path: path) {
            case .success(let d): return d
            case .failure(let e): broken.append(parseFailure(e)); return nil
            }
        }
        let bp = doc(paths.blueprint)
        let submit = doc(paths.submit)
        var configPath = paths.config
        if configPath == nil, let s = submit,
           let name = s.root["configname"]?.string, let base = name.split(separator: "/").last {
            let candidate = ((paths.submit as NSString).deletingLastPathComponent as NSString).appendingPathComponent(String(base))
            if FileManager.default.fileExists(atPath: candidate) { configPath = candidate }
        }
        let config = configPath.flatMap(doc)
        var schema: CompiledSchema?
        let schemaPath = paths.schema ?? {
            let p = ((paths.blueprint as NSString).deletingLastPathComponent as NSString).appendingPathComponent(schemaFileName)
            return FileManager.default.fileExists(atPath: p) ? p : nil
        }()
        if let schemaPath {
            switch SchemaLoader.load(path: schemaPath) {
            case .success(let s): schema = s
            case .failure(let problems): broken.append(problems.file)
            }
        }
        guard broken.isEmpty, let bp, let submit else { return .failure(Unloadable(report: ValidationReport(files: broken))) }
        return .success(JobInput(blueprint: Blueprint(document: bp), submit: submit, config: config,
                                 configSchema: schema, group: group))
    }

    /// Check a loaded job: one FileResult per document, findings in position order.
    public static func check(_ job: JobInput) -> ValidationReport {
        let found = JobCatalog.run(job)
        var docs: [SourceFile] = [job.submit.source]
        if let c = job.config { docs.append(c.source) }
        docs.append(job.blueprint.source)
        var files = docs.map { src in
            FileResult(path: src.path, source: src, diagnostics: found.filter { $0.file == src.path }.sorted(by: order), parsed: true)
        }
        // A config reported at the same path as another document (never in practice) still shows.
        let shown = Set(docs.map(\.path))
        let rest = found.filter { !shown.contains($0.file) }
        if !rest.isEmpty { files.append(FileResult(path: rest[0].file, source: nil, diagnostics: rest, parsed: true)) }
        if let e = job.configLoadError { files.insert(parseFailure(e), at: 1) }
        return ValidationReport(files: files)
    }

    static func order(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        a.start.offset != b.start.offset ? a.start.offset < b.start.offset : a.ruleID < b.ruleID
    }

    static func parseFailure(_ e: LoadError) -> FileResult {
        let d = Diagnostic(ruleID: "BP000", severity: .error, message: e.error.message, hint: e.error.hint,
                           source: e.source, range: .at(e.error.offset), pointer: nil)
        return FileResult(path: e.source.path, source: e.source, diagnostics: [d], parsed: false)
    }
}
