#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `<job dir>/registration.json`, the same file and shape neurocaas-contrib writes, so a machine
/// with both tools keeps working: data, config, additional_files (name → entry) and resultpath,
/// each entry holding `s3` (s3://bucket/key), `localsource` (path as typed) and/or `local` (the
/// fetched working copy).
public struct Registration: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var s3: String?
        public var localsource: String?
        public var local: String?

        public init(s3: String? = nil, localsource: String? = nil, local: String? = nil) {
            self.s3 = s3
            self.localsource = localsource
            self.local = local
        }

        init(_ object: StateJSON.Value?) {
            s3 = object?["s3"]?.string
            localsource = object?["localsource"]?.string
            local = object?["local"]?.string
        }

        var pairs: [(String, String)] {
            [("s3", s3), ("localsource", localsource), ("local", local)].compactMap { k, v in v.map { (k, $0) } }
        }
    }

    public var data = Entry()
    public var config = Entry()
    public var additionalFiles: [String: Entry] = [:]
    public var resultpath = Entry()

    public init() {}

    public init(json: Data) throws { try self.init(json: [UInt8](json)) }

    init(json: [UInt8]) throws {
        guard let o = StateJSON.object(json) else {
            throw WorkflowError("registration.json is not a JSON object", hint: "run: neurocaas-contrib workflow initialize-job -p DIR")
        }
        data = Entry(o["data"])
        config = Entry(o["config"])
        resultpath = Entry(o["resultpath"])
        if case .object(let files)? = o["additional_files"] {
            for (k, v) in files { additionalFiles[k] = Entry(v) }
        }
    }

    /// Python's json.dump layout (", " and ": " separators, no indent), as the Python tool writes.
    public var json: String {
        func entry(_ e: Entry) -> String { "{" + e.pairs.map { "\(quote($0.0)): \(quote($0.1))" }.joined(separator: ", ") + "}" }
        let files = "{" + additionalFiles.keys.sorted().map { "\(quote($0)): \(entry(additionalFiles[$0]!))" }.joined(separator: ", ") + "}"
        return "{\"data\": \(entry(data)), \"config\": \(entry(config)), \"additional_files\": \(files), \"resultpath\": \(entry(resultpath))}"
    }
}

/// JSON string literal as Python's json.dumps writes it (non-ASCII as \uXXXX, \b and \f short):
/// the one escaper the state files, status records and read-yaml's output share.
package func quote(_ s: String) -> String { PyPrinter.jsonString(s) }
