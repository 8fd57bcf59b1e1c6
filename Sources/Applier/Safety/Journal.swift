import BlueprintKit
import Foundation

/// `.bpctl/journal.json`: what a run has done to AWS and the repository, written atomically after
/// every remote mutation, so an interrupted run resumes without doing anything twice. Results
/// hold ids and names only; values under secret-looking keys are refused at write time.
public final class Journal: @unchecked Sendable {
    public struct Step: Codable, Sendable, Equatable {
        public let id: String
        public var status: Status
        public var result: [String: String]
        public var finished: String?
        public enum Status: String, Codable, Sendable { case done, failed }
    }

    public struct Document: Codable, Sendable {
        public static let formatVersion = 1
        public var format_version: Int
        public var run: String
        public var operation: String
        /// What the run was asked to do (instance id, blueprint path); resume only continues a
        /// journal whose operation and subject match.
        public var subject: [String: String]
        public var started: String
        public var completed: String?
        public var steps: [Step]
        public var error: String?
    }

    public let path: String
    private(set) public var document: Document
    private let lock = NSLock()

    public static func path(forBlueprint blueprint: String) -> String {
        StateDirectory.url(forBlueprint: blueprint).appendingPathComponent("journal.json").path
    }

    /// The unfinished journal of the same operation on the same subject, to resume; or a new one.
    public static func begin(blueprint: String, operation: String, subject: [String: String], resume: Bool) throws -> Journal {
        _ = try StateDirectory.ensure(forBlueprint: blueprint)
        let path = path(forBlueprint: blueprint)
        if resume, let data = FileManager.default.contents(atPath: path),
           let old = try? JSONDecoder().decode(Document.self, from: data),
           old.completed == nil, old.operation == operation, old.subject == subject {
            return Journal(path: path, document: old)
        }
        let doc = Document(format_version: Document.formatVersion, run: UUID().uuidString.lowercased(), operation: operation,
                           subject: subject, started: StateDirectory.timestamp(), completed: nil, steps: [], error: nil)
        let journal = Journal(path: path, document: doc)
        try journal.save()
        return journal
    }

    /// The last journal written beside a blueprint (for messages and `--resume`).
    public static func load(blueprint: String) -> Document? {
        guard let data = FileManager.default.contents(atPath: path(forBlueprint: blueprint)) else { return nil }
        return try? JSONDecoder().decode(Document.self, from: data)
    }

    private init(path: String, document: Document) {
        self.path = path
        self.document = document
    }

    /// The result of a step finished in this run or an earlier, interrupted one.
    public func completed(_ step: String) -> [String: String]? {
        lock.withLock { document.steps.first { $0.id == step && $0.status == .done }?.result }
    }

    public func record(_ step: String, result: [String: String] = [:]) throws {
        if let key = result.keys.first(where: Self.looksSecret) {
            throw ApplyError("refusing to journal step \(step): \(key) looks like a secret")
        }
        try lock.withLock {
            document.steps.removeAll { $0.id == step }
            document.steps.append(Step(id: step, status: .done, result: result, finished: StateDirectory.timestamp()))
            try saveLocked()
        }
    }

    public func fail(_ message: String) throws {
        try lock.withLock {
            document.error = message
            try saveLocked()
        }
    }

    public func complete() throws {
        try lock.withLock {
            document.completed = StateDirectory.timestamp()
            document.error = nil
            try saveLocked()
        }
    }

    /// Where the run stopped, for error messages: "after create-image (2 of its steps done)".
    public var progressSummary: String {
        lock.withLock {
            let done = document.steps.filter { $0.status == .done }.map(\.id)
            return done.isEmpty ? "before any change" : "after \(done.last!) (\(done.joined(separator: ", ")) done; journal \(path))"
        }
    }

    static func looksSecret(_ key: String) -> Bool {
        let k = key.lowercased()
        return ["secret", "password", "token", "credential", "privatekey", "private_key"].contains { k.contains($0) }
    }

    private func save() throws { try lock.withLock { try saveLocked() } }

    private func saveLocked() throws {
        let data = try JSONEncoder.sorted.encode(document) + Data("\n".utf8)
        do { try AtomicFile.write(Array(data), to: path) } catch { throw ApplyError("\(error)") }
    }
}
