import Foundation

/// `~/.neurocaas_contrib_config.json` (contrib-cli-reference §2.1): the current analysis
/// (`analysis_name`, the folder) and its parent `location`. Written with indent 4, atomically.
public struct ContribConfig: Sendable, Equatable {
    public static let fileName = ".neurocaas_contrib_config.json"
    public var analysisName: String?
    public var location: String?
    /// Other keys (develop_dict…) are kept as they were.
    var extra: [String: String] = [:]

    public init(analysisName: String? = nil, location: String? = nil) {
        self.analysisName = analysisName
        self.location = location
    }

    public static func path(home: String) -> String { (home as NSString).appendingPathComponent(fileName) }

    /// Nil when the file does not exist or is not a JSON object.
    public static func load(home: String) -> ContribConfig? {
        guard let data = FileManager.default.contents(atPath: path(home: home)),
              let o = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else { return nil }
        var c = ContribConfig(analysisName: o["analysis_name"] as? String, location: o["location"] as? String)
        for (k, v) in o where k != "analysis_name" && k != "location" {
            if let d = try? JSONSerialization.data(withJSONObject: v, options: [.fragmentsAllowed]) { c.extra[k] = String(decoding: d, as: UTF8.self) }
        }
        return c
    }

    /// Write the file (`develop_dict: null` when it is new, as the Python tool does).
    public func save(home: String) throws {
        let file = Self.path(home: home)
        var extra = self.extra
        if !FileManager.default.fileExists(atPath: file) && extra["develop_dict"] == nil { extra["develop_dict"] = "null" }
        var lines: [String] = []
        func q(_ s: String) -> String { String(decoding: try! JSONSerialization.data(withJSONObject: s, options: [.fragmentsAllowed]), as: UTF8.self) }
        lines.append("    \"analysis_name\": \(analysisName.map(q) ?? "null")")
        lines.append("    \"location\": \(location.map(q) ?? "null")")
        for (k, v) in extra.sorted(by: { $0.key < $1.key }) { lines.append("    \(q(k)): \(v)") }
        let text = "{\n" + lines.joined(separator: ",\n") + "\n}"
        let temp = file + ".tmp-\(getpid())"
        try Data(text.utf8).write(to: URL(fileURLWithPath: temp))
        guard rename(temp, file) == 0 else {
            try? FileManager.default.removeItem(atPath: temp)
            throw CocoaError(.fileWriteUnknown)
        }
    }
}
