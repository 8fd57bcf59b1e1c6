#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import PlatformSupport

/// The sentences of schema errors, in one place: the interpreter (SchemaEvaluator) and the
/// checks generated from the bundled schema (Generated/BlueprintSchemaCheck.swift) both call
/// these, so the two cannot drift apart in wording.
enum SchemaMessage {
    static let falseSchema = "no value is allowed here (the schema is false)"

    static func type(_ types: [JSONType], _ n: Node) -> String {
        "expected \(Describe.types(types)), got \(Describe.value(n))"
    }

    /// `shown` is `enumShown(values)`; the suggestion is drawn from the string values.
    static func enumeration(_ n: Node, shown: String, strings: [String]) -> String {
        let suggestion = n.string.map { Suggest.phrase(for: $0, in: strings) } ?? ""
        return "\(Describe.value(n)) is not one of \(shown)\(suggestion)"
    }

    static func enumShown(_ values: [Node]) -> String {
        values.prefix(5).map(Describe.json).joined(separator: ", ") + (values.count > 5 ? ", …" : "")
    }

    static func maximum(_ n: Node, _ m: Double) -> String { "\(Describe.value(n)) is greater than the maximum \(number(m))" }
    static func exclusiveMaximum(_ n: Node, _ m: Double) -> String { "\(Describe.value(n)) must be less than \(number(m))" }
    static func minimum(_ n: Node, _ m: Double) -> String { "\(Describe.value(n)) is less than the minimum \(number(m))" }
    static func exclusiveMinimum(_ n: Node, _ m: Double) -> String { "\(Describe.value(n)) must be greater than \(number(m))" }
    static func maxLength(_ n: Node, _ m: Int) -> String { "\(Describe.value(n)) is longer than \(m) characters" }
    static func minLength(_ n: Node, _ m: Int) -> String { "\(Describe.value(n)) is shorter than \(m) character\(m == 1 ? "" : "s")" }

    /// `matched` is Pattern.test's answer (nil: the work budget ran out); nil when it matched.
    static func pattern(_ n: Node, _ pattern: Pattern, matched: Bool?) -> String? {
        switch matched {
        case true?: return nil
        case false?: return "\(Describe.value(n)) does not match the pattern \(Describe.cut(pattern.source))"
        case nil: return "the pattern \(Describe.cut(pattern.source)) needs more work than bpctl allows to check \(Describe.value(n))"
        }
    }

    static func maxItems(_ count: Int, _ m: Int) -> String { "the array has \(count) items; at most \(m) are allowed" }
    static func minItems(_ count: Int, _ m: Int) -> String {
        "the array has \(count) item\(count == 1 ? "" : "s"); at least \(m) \(m == 1 ? "is" : "are") required"
    }
    static func maxProperties(_ count: Int, _ m: Int) -> String { "the object has \(count) properties; at most \(m) are allowed" }
    static func minProperties(_ count: Int, _ m: Int) -> String { "the object has \(count) properties; at least \(m) are required" }
    static func required(_ name: String) -> String { "required property '\(name)' is missing" }
    static func propertyNotAllowed(_ key: String) -> String { "property '\(key)' is not allowed" }
    /// additionalProperties: false, with a suggestion from the declared names (in schema order).
    static func additionalProperty(_ key: String, known: [String]) -> String {
        "property '\(key)' is not allowed\(Suggest.phrase(for: key, in: known))"
    }

    /// For a failed anyOf/oneOf: when every branch failed on type at this very value, one
    /// "expected X or Y" error; otherwise the errors of the branch that got furthest (deepest
    /// errors, then fewest), as check-jsonschema's best_match does.
    static func closest(_ failures: [[SchemaError]], keyword: String, keywordLocation: String, _ n: Node, _ p: String,
                        _ summary: String) -> [SchemaError] {
        func error(_ message: String) -> SchemaError {
            SchemaError(instancePointer: p, instanceRange: n.range, keyword: keyword, keywordLocation: keywordLocation, message: message)
        }
        let typeOnly = failures.allSatisfy { $0.count == 1 && $0[0].keyword == "type" && $0[0].instancePointer == p }
        if typeOnly {
            let expected = failures.map { $0[0].message.replacingAll("expected ", with: "")
                .components(separatedBy: ", got ").first ?? "" }
            return [error("expected \(expected.joined(separator: " or ")), got \(Describe.value(n))")]
        }
        guard let best = failures.max(by: { a, b in
            let da = a.map(\.depth).max() ?? 0, db = b.map(\.depth).max() ?? 0
            return da != db ? da < db : a.count > b.count
        }) else { return [error("\(Describe.value(n)) \(summary)")] }
        return best
    }

    static func number(_ d: Double) -> String {
        d.rounded() == d && abs(d) < 1e15 ? String(Int(d)) : String(d)
    }
}
