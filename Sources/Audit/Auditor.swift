import BlueprintKit
import Foundation

/// The offline half: blueprint files → model → findings. The live half (LiveIAMReader) only adds
/// an IAMSnapshot; the same findings run on both.
public enum Auditor {
    /// A blueprint that could not be read or parsed: file:line:col and why.
    public struct Unreadable: Sendable, Equatable {
        public let position: Position
        public let message: String
        public let hint: String?
    }

    /// Parse files concurrently and build the model. Unreadable files are returned, not thrown,
    /// so the rest is still audited (the CLI exits 2).
    public static func load(files: [String]) -> (AuditModel, [Unreadable]) {
        let loaded = ConcurrentMap.run(files.count) { Document.load(path: files[$0]) }
        return model(loaded)
    }

    /// In-memory inputs (tests, examples).
    public static func load(inputs: [(path: String, text: String)]) -> (AuditModel, [Unreadable]) {
        model(inputs.map { Document.parse(path: $0.path, bytes: Array($0.text.utf8)) })
    }

    private static func model(_ loaded: [Result<Document, LoadError>]) -> (AuditModel, [Unreadable]) {
        var blueprints: [Blueprint] = []
        var bad: [Unreadable] = []
        for r in loaded {
            switch r {
            case .success(let doc): blueprints.append(Blueprint(document: doc))
            case .failure(let e):
                let l = e.source.location(of: e.error.offset)
                bad.append(Unreadable(position: Position(file: e.source.path, line: l.line, column: l.column, pointer: nil),
                                      message: e.error.message, hint: e.error.hint))
            }
        }
        var model = AuditModel(blueprints: blueprints)
        model.unreadableFiles = bad.count
        return (model, bad)
    }

    /// Run every finding kind; live kinds find nothing without a snapshot.
    public static func audit(_ model: AuditModel, iam: IAMSnapshot? = nil, options: AuditOptions = .init()) -> AuditReport {
        let input = AuditInput(model: model, iam: iam, options: options)
        // The kinds are independent: run them on all cores.
        let checks = FindingCatalog.checks
        let findings = ConcurrentMap.run(checks.count) { checks[$0].check(input) }.flatMap { $0 }.sorted(by: AuditFinding.ordered)
        return AuditReport(model: model, iam: iam, findings: findings, generated: options.now)
    }
}
