#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif
import PlatformSupport

/// Where the current job lives: `~/.neurocaas_contrib_storageloc.json` ({"path": …}) points at
/// the job directory holding registration.json. Writes go to a temporary file and are renamed,
/// so an interrupted command never leaves half a state file.
public struct JobState: Sendable {
    public let home: String
    public static let storageName = ".neurocaas_contrib_storageloc.json"

    public init(home: String) { self.home = home }

    var storageFile: String { PathText.appending(home, Self.storageName) }

    /// `initialize-job -p DIR`: record DIR and write an empty registration.
    public func initialize(path: String) throws -> String {
        guard FilePath.isDirectory(path) else {
            throw WorkflowError("\(path) is not an existing directory", hint: "create it first: mkdir -p \(path)")
        }
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        try Self.atomicWrite(Registration().json, to: PathText.appending(absolute, "registration.json"))
        try Self.atomicWrite("{\"path\": \(quote(absolute))}", to: storageFile)
        return absolute
    }

    /// The job directory recorded by initialize-job.
    public func jobDirectory() throws -> String {
        guard let data = DescriptorIO.contents(ofFile: storageFile) else {
            throw WorkflowError("no job is initialized (\(storageFile) does not exist)",
                                hint: "run: neurocaas-contrib workflow initialize-job -p DIR")
        }
        guard let path = StateJSON.object(data)?["path"]?.string else {
            throw WorkflowError("\(storageFile) has no \"path\"", hint: "run: neurocaas-contrib workflow initialize-job -p DIR")
        }
        return path
    }

    public func load() throws -> Registration {
        let file = PathText.appending(try jobDirectory(), "registration.json")
        guard let data = DescriptorIO.contents(ofFile: file) else {
            throw WorkflowError("no registration found at \(file)", hint: "run: neurocaas-contrib workflow initialize-job -p DIR")
        }
        return try Registration(json: data)
    }

    public func save(_ r: Registration) throws {
        try Self.atomicWrite(r.json, to: PathText.appending(try jobDirectory(), "registration.json"))
    }

    package static func atomicWrite(_ text: String, to path: String) throws {
        let temp = path + ".tmp-\(getpid())"
        guard FileManager.default.createFile(atPath: temp, contents: Data(text.utf8)) else {
            throw WorkflowError("cannot write \(path)")
        }
        if rename(temp, path) != 0 {
            try? FileManager.default.removeItem(atPath: temp)
            throw WorkflowError("cannot write \(path)")
        }
    }
}
