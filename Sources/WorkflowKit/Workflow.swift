import Foundation
// JobState, Registration, WorkflowError, ReadYAML, S3URI live in WorkflowCore (the front links it
// alone); re-exported so clients of WorkflowKit keep one import.
@_exported import WorkflowCore

/// The `workflow` commands' logic: registration, fetching, results and the path getters, over
/// the same state files as neurocaas-contrib. Values are returned; the CLI prints them to stdout
/// and every message to stderr.
public struct Workflow: Sendable {
    public typealias Kind = JobKind

    public let state: JobState
    /// Built only when an S3 location is involved, so local flows need no AWS set-up.
    let store: @Sendable () throws -> ObjectStore

    public init(state: JobState, store: @escaping @Sendable () throws -> ObjectStore) {
        self.state = state
        self.store = store
    }

    // MARK: registration

    /// `-b BUCKET -k KEY` or `-l PATH`, exactly one form.
    public func register(_ kind: Kind, bucket: String?, key: String?, localPath: String?) throws {
        var r = try state.load()
        var entry = Registration.Entry()
        switch (bucket, key, localPath) {
        case (_, let k?, nil) where kind == .result && k.hasPrefix("s3://"):
            entry.s3 = k
        case (let b?, let k?, nil):
            guard !b.isEmpty, !k.isEmpty, !k.hasPrefix("/") else {
                throw WorkflowError("bucket '\(b)' and key '\(k)' do not form an S3 location", hint: "keys do not start with '/'")
            }
            if kind == .result {
                // Results go under the dataset's group: s3://bucket/<group>/<key>.
                guard let group = try? JobState.group(r) else {
                    throw WorkflowError("the result path needs the dataset registered from S3 first",
                                        hint: "run: neurocaas-contrib workflow register-dataset -b BUCKET -k GROUP/inputs/FILE")
                }
                entry.s3 = S3URI(bucket: b, key: "\(group)/\(k)").description
            } else {
                entry.s3 = S3URI(bucket: b, key: k).description
            }
        case (nil, nil, let l?):
            entry.localsource = l
        default:
            throw WorkflowError("give either -b BUCKET and -k KEY (an S3 object) or -l PATH (a local file)")
        }
        r[kind] = entry
        try state.save(r)
    }

    // MARK: fetching

    /// Download (S3) or copy (local) into `outputDirectory` (default `<job>/inputs` or
    /// `<job>/configs`), record the working copy and return its path. An existing copy is kept
    /// unless `force`, and is still recorded, so the path getters keep working.
    public func fetch(_ kind: Kind, outputDirectory: String?, force: Bool, notice: (String) -> Void = { _ in }) async throws -> String {
        var r = try state.load()
        guard var e = r[kind], e.s3 != nil || e.localsource != nil else {
            throw WorkflowError.notRegistered(kind.label.prefix(1).uppercased() + kind.label.dropFirst(), command: kind.registerCommand)
        }
        let job = try state.jobDirectory()
        let dir = outputDirectory ?? (job as NSString).appendingPathComponent(kind == .config ? "configs" : "inputs")
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let source = e.s3 ?? e.localsource!
        let name = (source as NSString).lastPathComponent
        guard !name.isEmpty, !source.hasSuffix("/") else {
            throw WorkflowError("\(source) names a folder; only single files can be fetched")
        }
        let destination = (dir as NSString).appendingPathComponent(name)
        if FileManager.default.fileExists(atPath: destination) && !force {
            notice("\(destination) already exists; keeping it (pass -f to fetch again)")
        } else if let s3 = e.s3.flatMap(S3URI.init) {
            try await store().download(s3, to: destination)
        } else {
            try Self.copy(source, to: destination)
        }
        e.local = destination
        r[kind] = e
        try state.save(r)
        return destination
    }

    /// Copy through a temporary name, so a failed copy never leaves half a file.
    static func copy(_ source: String, to destination: String) throws {
        guard FileManager.default.fileExists(atPath: source) else { throw WorkflowError("\(source) does not exist") }
        let temp = destination + ".partial-\(getpid())"
        try? FileManager.default.removeItem(atPath: temp)
        do {
            try FileManager.default.copyItem(atPath: source, toPath: temp)
            if rename(temp, destination) != 0 { throw WorkflowError("cannot write \(destination)") }
        } catch {
            try? FileManager.default.removeItem(atPath: temp)
            throw error is WorkflowError ? error : WorkflowError("cannot copy \(source) to \(destination): \(error.localizedDescription)")
        }
    }

    // MARK: results

    /// Upload (or copy) a result file to `<result path>/process_results/<name>`; returns where.
    public func putResult(_ file: String) async throws -> String {
        let r = try state.load()
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isDir) else { throw WorkflowError("\(file) does not exist") }
        guard !isDir.boolValue else { throw WorkflowError("\(file) is a folder; put-result uploads single files") }
        let target = try JobState.resultLocation(r, for: file)
        if let s3 = S3URI(target) {
            try await store().upload(file, to: s3)
        } else {
            try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try? FileManager.default.removeItem(atPath: target)
            try Self.copy(file, to: target)
        }
        return target
    }

    // MARK: getters (the state files alone: JobGetters.swift in WorkflowCore)

    public func resultPath(for path: String) throws -> String { try state.resultPath(for: path) }
    public func temporaryResultFolder() throws -> String { try state.temporaryResultFolder() }
    public func localPath(_ kind: Kind) throws -> String { try state.localPath(kind) }
    public func localName(_ kind: Kind) throws -> String { try state.localName(kind) }
    public func bucket() throws -> String { try state.bucket() }
    public func group() throws -> String { try state.group() }
}
