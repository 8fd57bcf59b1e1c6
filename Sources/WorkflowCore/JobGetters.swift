#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import PlatformSupport

/// The `workflow get-*` answers, read from the state files alone. Here rather than in WorkflowKit
/// because the front `neurocaas-contrib` answers them without linking WorkflowKit (AWS, zip).
extension JobState {
    /// The fetched working copy of a registered file.
    public func localPath(_ kind: JobKind) throws -> String {
        let r = try load()
        guard let e = r[kind], e.s3 != nil || e.localsource != nil else {
            throw WorkflowError.notRegistered(kind.label.prefix(1).uppercased() + kind.label.dropFirst(), command: kind.registerCommand)
        }
        guard let local = e.local else {
            throw WorkflowError("\(kind.label) is registered but not fetched yet", hint: "run: neurocaas-contrib workflow \(kind.getCommand) -f")
        }
        return local
    }

    public func localName(_ kind: JobKind) throws -> String { PathText.lastComponent(try localPath(kind)) }

    public func bucket() throws -> String {
        guard let uri = try load().data.s3.flatMap(S3URI.init) else {
            throw WorkflowError("the dataset is not registered from S3, so it has no bucket",
                                hint: "run: neurocaas-contrib workflow register-dataset -b BUCKET -k KEY")
        }
        return uri.bucket
    }

    public func group() throws -> String { try Self.group(try load()) }

    /// The analysis group: the first key component of the dataset's S3 location.
    package static func group(_ r: Registration) throws -> String {
        guard let uri = r.data.s3.flatMap(S3URI.init), let first = uri.key.split(separator: "/").first, uri.key.contains("/") else {
            throw WorkflowError("the dataset is not registered from S3 as s3://BUCKET/GROUP/…, so it has no group",
                                hint: "run: neurocaas-contrib workflow register-dataset -b BUCKET -k GROUP/inputs/FILE")
        }
        return String(first)
    }

    /// `get-resultpath -l PATH`: where `put-result PATH` (or an `aws s3 sync` of it) would go.
    public func resultPath(for path: String) throws -> String {
        guard FileManager.default.fileExists(atPath: path) else { throw WorkflowError("\(path) does not exist") }
        return try Self.resultLocation(try load(), for: path)
    }

    package static func resultLocation(_ r: Registration, for path: String) throws -> String {
        guard let base = r.resultpath.s3 ?? r.resultpath.localsource else {
            throw WorkflowError.notRegistered("The result path", command: JobKind.result.registerCommand)
        }
        let name = PathText.lastComponent(URL(fileURLWithPath: path).standardizedFileURL.path)
        return base.hasSuffix("/") ? "\(base)process_results/\(name)" : "\(base)/process_results/\(name)"
    }

    /// `get-resultpath-tmp`: `<dataset folder>/../results`, created.
    public func temporaryResultFolder() throws -> String {
        let data = try localPath(.data)
        let dir = URL(fileURLWithPath: data).deletingLastPathComponent().appendingPathComponent("../results").standardizedFileURL.path
        do {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        } catch {
            throw WorkflowError("cannot create \(dir)", hint: "check that the dataset's folder is writable")
        }
        return dir
    }
}
