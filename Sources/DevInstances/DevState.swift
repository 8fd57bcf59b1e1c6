import BlueprintKit
import Foundation

/// Per-analysis dev state, `.bpctl/dev.json` next to the blueprint. Only what AWS cannot tell us:
/// which instances belong to this analysis's pool, their names, which one is selected, the AMIs
/// saved from each (so terminate knows), and the jobs sent. Everything else (state, IP, lifetime)
/// is read fresh from EC2.
public struct DevState: Codable, Sendable, Equatable {
    public var formatVersion = 1
    public var selected: String?
    public var instances: [Member] = []
    public var jobs: [Job] = []
    /// AMIs saved with create-devami, oldest first (update-blueprint's default is the last).
    public var amiHistory: [String] = []

    public struct Member: Codable, Sendable, Equatable {
        public var id: String
        public var name: String?
        public var description: String?
        /// "launched" or "assigned".
        public var origin: String
        public var added: Date
        /// AMIs saved from this instance since it joined the pool, oldest first.
        public var amis: [String] = []

        public init(id: String, name: String?, description: String?, origin: String, added: Date, amis: [String] = []) {
            self.id = id
            self.name = name
            self.description = description
            self.origin = origin
            self.added = added
            self.amis = amis
        }
    }

    public struct Job: Codable, Sendable, Equatable {
        public var instance: String
        public var commandID: String
        public var submitted: Date
        public var dataname: String
        public var configname: String
        public var resultPrefix: String
        public var outputBucket: String
        public var outputPrefix: String
    }

    enum CodingKeys: String, CodingKey {
        case formatVersion = "format_version", selected, instances, jobs, amiHistory = "ami_history"
    }

    public init() {}

    /// Lists may be absent (a hand-trimmed file); the version and pool may not.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        formatVersion = try c.decode(Int.self, forKey: .formatVersion)
        selected = try c.decodeIfPresent(String.self, forKey: .selected)
        instances = try c.decode([Member].self, forKey: .instances)
        jobs = try c.decodeIfPresent([Job].self, forKey: .jobs) ?? []
        amiHistory = try c.decodeIfPresent([String].self, forKey: .amiHistory) ?? []
    }

    public func member(_ id: String) -> Member? { instances.first { $0.id == id } }

    public mutating func update(_ id: String, _ change: (inout Member) -> Void) {
        if let i = instances.firstIndex(where: { $0.id == id }) { change(&instances[i]) }
    }
}

/// Reads and writes the state file: temp file + rename, so a crash never leaves half a file.
public struct DevStateStore: Sendable {
    public let path: String

    public init(blueprintDirectory: String) {
        path = blueprintDirectory + "/.bpctl/dev.json"
    }

    public func load() throws -> DevState {
        guard let data = FileManager.default.contents(atPath: path) else {
            return try LegacyDevelopDict.load(besides: URL(fileURLWithPath: path).deletingLastPathComponent().deletingLastPathComponent().path) ?? DevState()
        }
        do {
            return try Self.decoder.decode(DevState.self, from: data)
        } catch {
            throw DevError(.usage, "cannot read the dev state file: \(Self.reason(error))",
                           hint: "fix it or delete it (the instances stay; re-add them with assign-instance)", location: path)
        }
    }

    public func save(_ state: DevState) throws {
        let dir = URL(fileURLWithPath: path).deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            try AtomicFile.write(Array(try Self.encoder.encode(state)), to: path)
        } catch {
            throw DevError(.check, "cannot write the dev state file", hint: "check that \(dir.path) is writable", location: path)
        }
    }

    static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys]
        e.dateEncodingStrategy = .iso8601
        return e
    }()

    static let decoder: JSONDecoder = {
        let d = JSONDecoder()
        d.dateDecodingStrategy = .iso8601
        return d
    }()

    static func reason(_ e: Error) -> String {
        switch e {
        case DecodingError.keyNotFound(let k, _): return "missing key \"\(k.stringValue)\""
        case DecodingError.typeMismatch(_, let c), DecodingError.valueNotFound(_, let c):
            return "wrong value at \(c.codingPath.map(\.stringValue).joined(separator: "."))"
        case DecodingError.dataCorrupted: return "not valid JSON"
        default: return "\(e)"
        }
    }
}

/// The Python tool's `develop_dict.json` (its analysis folder), read once when no dev.json exists
/// so a pool made with the Python CLI carries over. Its `instance_saved` flag was global; it is
/// kept only for the selected instance.
enum LegacyDevelopDict {
    static func load(besides directory: String) throws -> DevState? {
        let path = directory + "/develop_dict.json"
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        guard let o = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw DevError(.usage, "cannot read the Python tool's develop_dict.json (not a JSON object)", hint: "fix or delete it", location: path)
        }
        var s = DevState()
        let selected = o["instance_id"] as? String
        let saved = o["instance_saved"] as? Bool ?? false
        let amis = (o["ami_hist"] as? [[String: Any]] ?? []).compactMap { $0["ImageId"] as? String }
        for (id, info) in (o["instance_pool"] as? [String: Any] ?? [:]).sorted(by: { $0.key < $1.key }) {
            let i = info as? [String: Any]
            s.instances.append(.init(id: id, name: i?["name"] as? String, description: i?["description"] as? String, origin: "assigned",
                                     added: Date(timeIntervalSince1970: 0), amis: id == selected && saved ? Array(amis.suffix(1)) : []))
        }
        s.selected = s.member(selected ?? "") == nil ? nil : selected
        return s
    }
}
