#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import PlatformSupport

/// `scripting read-yaml`: a top-level field of a YAML file, printed exactly as the Python tool's
/// `get_yaml_field` prints it: PyYAML `full_load` (YAML 1.1 types, last duplicate key wins), a
/// mapping as `json.dumps`, a list as each item's `str()` followed by a space, else `str()`.
public enum ReadYAML {
    /// Nodes visited while printing one value (aliases are walked each time they are printed);
    /// the same bound as bpctl's YAML loader (BlueprintKit `YAMLLoader.maxNodes`).
    public static let maxExpandedNodes = 1_000_000

    public static func value(path: String, field: String, default fallback: String?) throws -> String {
        guard let bytes = DescriptorIO.contents(ofFile: path), let text = String(validating: bytes, as: UTF8.self) else {
            throw WorkflowError("cannot read \(path)", hint: "-p must name a readable UTF-8 YAML file")
        }
        return try value(yaml: text, field: field, default: fallback, source: path)
    }

    public static func value(yaml text: String, field: String, default fallback: String?, source: String = "<yaml>") throws -> String {
        let root: PyValue
        do {
            let constructor = PyYAMLConstructor()
            root = try YAMLComposer.compose(text).map { try constructor.construct($0) } ?? .none
        } catch let e as YAMLComposeError {
            throw WorkflowError("\(source): invalid YAML at \(e)")
        } catch let e as PyError {
            throw WorkflowError("\(source): \(e)")
        }
        guard case .dict(let map) = root else {
            throw WorkflowError("\(source) is not a YAML mapping", hint: "read-yaml reads a top-level field: the file must be `field: value` lines")
        }
        guard let value = map.value(forStringKey: field) else {
            if let fallback { return fallback }
            throw WorkflowError("no field '\(field)' in \(source)", hint: "pass -d DEFAULT to use a default value")
        }
        do {
            return try render(value)
        } catch let e as PyError {
            throw WorkflowError("cannot print field '\(field)' of \(source): \(e)")
        }
    }

    static func render(_ value: PyValue) throws -> String {
        var printer = PyPrinter(budget: maxExpandedNodes)
        switch value {
        case .dict: return try printer.json(value)
        case .list(let list): return try list.items.map { try printer.str($0) + " " }.joined()
        default: return try printer.str(value)
        }
    }
}
