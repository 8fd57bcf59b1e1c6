import Foundation
import Yams

/// A deployed YAML template as the JSON object model: CloudFormation's short-form intrinsics
/// (`!Ref X`, `!GetAtt A.B`, `!Sub …`, `!If [...]`) become their long forms, so the template can
/// be edited like a JSON one and sent back as JSON (CloudFormation accepts either).
enum CloudFormationYAML {
    static func load(_ text: String) throws -> Any {
        guard let node = try Yams.compose(yaml: text) else { throw ApplyError("empty YAML template") }
        return try convert(node)
    }

    static func convert(_ node: Node) throws -> Any {
        let tag = node.tag.description
        let value: Any
        switch node {
        case .scalar(let s):
            value = tag.hasPrefix("!") ? s.string : scalar(s)
        case .sequence(let seq):
            value = try seq.map(convert)
        case .mapping(let map):
            var out: [String: Any] = [:]
            for (k, v) in map { out[k.string ?? "\(k)"] = try convert(v) }
            value = out
        case .alias:
            throw ApplyError("YAML aliases are not supported in CloudFormation templates")
        }
        guard tag.hasPrefix("!"), !tag.hasPrefix("!!") else { return value }
        let name = String(tag.dropFirst())
        switch name {
        case "Ref", "Condition": return [name: value]
        case "GetAtt":
            // `!GetAtt Resource.Attribute` (a string) or `!GetAtt [Resource, Attribute]`.
            if let s = value as? String, let dot = s.firstIndex(of: ".") {
                return ["Fn::GetAtt": [String(s[..<dot]), String(s[s.index(after: dot)...])]]
            }
            return ["Fn::GetAtt": value]
        default: return ["Fn::\(name)": value]
        }
    }

    /// Plain scalars keep YAML 1.1's core types (CloudFormation reads `Timeout: 900` as a number).
    static func scalar(_ s: Node.Scalar) -> Any {
        if s.style != .plain { return s.string }
        if let i = Int(s.string) { return i }
        switch s.string {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        case "null", "~", "": return NSNull()
        default: return s.string
        }
    }
}
