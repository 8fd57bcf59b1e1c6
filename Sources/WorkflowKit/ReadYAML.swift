import Foundation
import Yams

/// `scripting read-yaml`: a top-level field of a YAML file, printed the way neurocaas-contrib
/// prints it (mappings as compact JSON, lists space-joined with a trailing space for bash
/// arrays, booleans and null as Python writes them).
public enum ReadYAML {
    public static func value(path: String, field: String, default fallback: String?) throws -> String {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw WorkflowError("cannot read \(path)") }
        let root: Any?
        do { root = try Yams.load(yaml: text) } catch {
            throw WorkflowError("\(path) is not valid YAML: \(error)")
        }
        guard let map = root as? [String: Any], let value = map[field] else {
            if let fallback { return fallback }
            throw WorkflowError("no field '\(field)' in \(path)", hint: "pass -d DEFAULT to use a default value")
        }
        return render(value)
    }

    static func render(_ v: Any) -> String {
        switch v {
        case let b as Bool: return b ? "True" : "False"
        case is NSNull: return "None"
        case let list as [Any]: return list.map(render).joined(separator: " ") + " "
        case let map as [String: Any]:
            let data = (try? JSONSerialization.data(withJSONObject: map, options: [.sortedKeys])) ?? Data("{}".utf8)
            return String(decoding: data, as: UTF8.self)
        default: return "\(v)"
        }
    }
}
