/// Request bodies of the JSON protocols, byte for byte as
/// `JSONSerialization.data(withJSONObject:options: [.sortedKeys])` wrote them (without
/// swift-corelibs-foundation: see PlatformSupport's Lock.swift for why): "/" escaped as "\/",
/// other escapes as short forms or lower-case \u00xx, integral doubles without ".0", keys in
/// JSONKeyOrder's order.
enum JSONWriter {
    struct Unsupported: Error, CustomStringConvertible {
        let description: String
    }

    static func bytes(_ value: Any) throws -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        try write(value, into: &out)
        return out
    }

    private static func write(_ value: Any, into out: inout [UInt8]) throws {
        switch value {
        case let s as String: string(s, into: &out)
        case let b as Bool: out.append(contentsOf: (b ? "true" : "false").utf8)
        case let n as Int: out.append(contentsOf: String(n).utf8)
        case let d as Double: try double(d, into: &out)
        case let f as Float: try float(f, into: &out)
        case let n as Int64: out.append(contentsOf: String(n).utf8)
        case let n as Int32: out.append(contentsOf: String(n).utf8)
        case let n as UInt: out.append(contentsOf: String(n).utf8)
        case let n as UInt64: out.append(contentsOf: String(n).utf8)
        case let n as UInt32: out.append(contentsOf: String(n).utf8)
        case is JSONNull: out.append(contentsOf: "null".utf8)
        case let o as [String: Any]:
            out.append(UInt8(ascii: "{"))
            for (k, key) in o.keys.sorted(by: JSONKeyOrder.precedes).enumerated() {
                if k > 0 { out.append(UInt8(ascii: ",")) }
                string(key, into: &out)
                out.append(UInt8(ascii: ":"))
                try write(o[key]!, into: &out)
            }
            out.append(UInt8(ascii: "}"))
        case let a as [Any]:
            out.append(UInt8(ascii: "["))
            for (k, element) in a.enumerated() {
                if k > 0 { out.append(UInt8(ascii: ",")) }
                try write(element, into: &out)
            }
            out.append(UInt8(ascii: "]"))
        default:
            throw Unsupported(description: "cannot write a \(type(of: value)) as JSON")
        }
    }

    /// Swift's shortest round-trip digits ("0.1", "1e+20", "1e-07"), as corelibs printed them.
    private static func double(_ d: Double, into out: inout [UInt8]) throws {
        guard d.isFinite else { throw Unsupported(description: "cannot write \(d) as JSON") }
        var text = d.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        out.append(contentsOf: text.utf8)
    }

    private static func float(_ f: Float, into out: inout [UInt8]) throws {
        guard f.isFinite else { throw Unsupported(description: "cannot write \(f) as JSON") }
        var text = f.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        out.append(contentsOf: text.utf8)
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    private static func string(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "\""): out.append(contentsOf: [0x5C, 0x22])
            case UInt8(ascii: "\\"): out.append(contentsOf: [0x5C, 0x5C])
            case UInt8(ascii: "/"): out.append(contentsOf: [0x5C, 0x2F])
            case 0x08: out.append(contentsOf: [0x5C, UInt8(ascii: "b")])
            case 0x0C: out.append(contentsOf: [0x5C, UInt8(ascii: "f")])
            case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0..<0x20:
                out.append(contentsOf: Array("\\u00".utf8))
                out.append(hex[Int(b >> 4)])
                out.append(hex[Int(b & 0xF)])
            default: out.append(b)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
