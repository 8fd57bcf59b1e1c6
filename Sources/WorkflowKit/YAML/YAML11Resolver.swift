import Foundation

/// PyYAML's `Resolver`: YAML 1.1 implicit tags for plain scalars, tried in PyYAML's order among
/// the resolvers registered for the scalar's first character (yes/no/on/off are booleans,
/// `1_000` and `0o17`-less octal `017` are ints, `1e3` is a string, `2021-01-02` a date).
enum YAML11Resolver {
    static let prefix = "tag:yaml.org,2002:"

    private static func regex(_ pattern: String) -> NSRegularExpression {
        try! NSRegularExpression(pattern: "^(?:" + pattern + ")$")
    }

    private static let bool = regex("yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF")
    private static let float = regex(#"[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)"#)
    private static let int = regex(#"[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+"#)
    private static let merge = regex("<<")
    private static let null = regex("~|null|Null|NULL|")
    private static let timestamp = regex(#"[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?"#)
    private static let value = regex("=")

    private static let order: [(name: String, regex: NSRegularExpression, first: String)] = [
        ("bool", bool, "yYnNtTfFoO"),
        ("float", float, "-+0123456789."),
        ("int", int, "-+0123456789"),
        ("merge", merge, "<"),
        ("null", null, "~nN"),
        ("timestamp", timestamp, "0123456789"),
        ("value", value, "="),
    ]

    /// The tag of a plain (implicit) scalar.
    static func tag(ofPlain value: String) -> String {
        if value.isEmpty { return prefix + "null" }
        let first = value.unicodeScalars.first!
        let range = NSRange(value.startIndex..., in: value)
        for r in order where r.first.unicodeScalars.contains(first) {
            if r.regex.firstMatch(in: value, options: [], range: range) != nil { return prefix + r.name }
        }
        return prefix + "str"
    }
}
