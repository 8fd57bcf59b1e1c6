/// JSON `null` in a decoded reply: what NSNull was for JSONSerialization (no cast to String,
/// number or container succeeds on it).
public struct JSONNull: Sendable, Equatable, CustomStringConvertible {
    public init() {}
    public var description: String { "null" }
}

/// Replies of the JSON protocols (JSON 1.1, REST-JSON, error bodies, credential documents) as
/// `[String: Any]`, without JSONSerialization (swift-corelibs-foundation: see PlatformSupport's
/// Lock.swift for why). Values are String, Int (integers that fit), Double (other numbers),
/// Bool, JSONNull, [Any] and [String: Any]; read numbers through `JSONNumber` to get the answers
/// NSNumber's bridging gave. RFC 8259 with JSONSerialization's two allowances (a leading byte
/// order mark, one trailing comma in an object or array); anything else throws. Doubles are
/// correctly rounded (JSONSerialization was off by an ulp past 17 significant digits; no
/// service reads a double from a reply).
enum JSONReader {
    struct Malformed: Error, CustomStringConvertible {
        let offset: Int
        let reason: String
        var description: String { "malformed JSON at byte \(offset): \(reason)" }
    }

    /// The top-level value; nil-free: a document that is not exactly one JSON value throws.
    static func value(_ bytes: [UInt8]) throws -> Any {
        try bytes.withUnsafeBufferPointer { buffer in
            var parser = Parser(bytes: buffer)
            // A UTF-8 byte order mark is skipped, as JSONSerialization skipped it.
            if buffer.count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { parser.i = 3 }
            parser.skipSpace()
            let v = try parser.value(depth: 0)
            parser.skipSpace()
            guard parser.i == buffer.count else { throw parser.error("text after the value") }
            return v
        }
    }

    /// The top-level object, or nil when the bytes are not one JSON object (as
    /// `try? JSONSerialization.jsonObject(with:) as? [String: Any]` answered).
    static func object(_ bytes: [UInt8]) -> [String: Any]? {
        (try? value(bytes)) as? [String: Any]
    }

    private struct Parser {
        let bytes: UnsafeBufferPointer<UInt8>
        var i = 0
        /// Nesting beyond this is refused rather than risking the stack (JSONSerialization: 512).
        static let maxDepth = 512

        init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        func error(_ reason: String) -> Malformed { Malformed(offset: i, reason: reason) }

        mutating func skipSpace() {
            while i < bytes.count {
                switch bytes[i] {
                case 0x20, 0x09, 0x0A, 0x0D: i += 1
                default: return
                }
            }
        }

        mutating func value(depth: Int) throws -> Any {
            guard i < bytes.count else { throw error("unexpected end") }
            switch bytes[i] {
            case UInt8(ascii: "{"): return try object(depth: depth + 1)
            case UInt8(ascii: "["): return try array(depth: depth + 1)
            case UInt8(ascii: "\""): return try string()
            case UInt8(ascii: "t"): try literal("true"); return true
            case UInt8(ascii: "f"): try literal("false"); return false
            case UInt8(ascii: "n"): try literal("null"); return JSONNull()
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
            default: throw error("unexpected character")
            }
        }

        mutating func literal(_ word: StaticString) throws {
            let n = word.utf8CodeUnitCount
            guard i + n <= bytes.count else { throw error("unexpected end") }
            for k in 0..<n where bytes[i + k] != word.utf8Start[k] { throw error("invalid literal") }
            i += n
        }

        mutating func object(depth: Int) throws -> [String: Any] {
            guard depth <= Self.maxDepth else { throw error("nested too deeply") }
            i += 1
            var out: [String: Any] = [:]
            skipSpace()
            if i < bytes.count, bytes[i] == UInt8(ascii: "}") { i += 1; return out }
            while true {
                skipSpace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { throw error("expected a key") }
                let key = try string()
                skipSpace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw error("expected ':'") }
                i += 1
                skipSpace()
                out[key] = try value(depth: depth)
                skipSpace()
                guard i < bytes.count else { throw error("unexpected end") }
                if bytes[i] == UInt8(ascii: ",") {
                    i += 1
                    skipSpace()
                    // One trailing comma, as JSONSerialization allowed: {"a": 1,}
                    if i < bytes.count, bytes[i] == UInt8(ascii: "}") { i += 1; return out }
                    continue
                }
                if bytes[i] == UInt8(ascii: "}") { i += 1; return out }
                throw error("expected ',' or '}'")
            }
        }

        mutating func array(depth: Int) throws -> [Any] {
            guard depth <= Self.maxDepth else { throw error("nested too deeply") }
            i += 1
            var out: [Any] = []
            skipSpace()
            if i < bytes.count, bytes[i] == UInt8(ascii: "]") { i += 1; return out }
            while true {
                skipSpace()
                out.append(try value(depth: depth))
                skipSpace()
                guard i < bytes.count else { throw error("unexpected end") }
                if bytes[i] == UInt8(ascii: ",") {
                    i += 1
                    skipSpace()
                    if i < bytes.count, bytes[i] == UInt8(ascii: "]") { i += 1; return out }  // [1,]
                    continue
                }
                if bytes[i] == UInt8(ascii: "]") { i += 1; return out }
                throw error("expected ',' or ']'")
            }
        }

        mutating func string() throws -> String {
            i += 1
            let start = i
            // Fast path: no escapes, valid UTF-8.
            while i < bytes.count {
                let b = bytes[i]
                if b == UInt8(ascii: "\"") {
                    let raw = UnsafeBufferPointer(rebasing: bytes[start..<i])
                    i += 1
                    guard let s = String(validating: raw, as: UTF8.self) else { throw error("invalid UTF-8") }
                    return s
                }
                if b == UInt8(ascii: "\\") { break }
                guard b >= 0x20 else { throw error("control character in a string") }
                i += 1
            }
            var out = Array(bytes[start..<i])
            while i < bytes.count {
                let b = bytes[i]
                switch b {
                case UInt8(ascii: "\""):
                    i += 1
                    guard let s = String(validating: out, as: UTF8.self) else { throw error("invalid UTF-8") }
                    return s
                case UInt8(ascii: "\\"):
                    i += 1
                    guard i < bytes.count else { throw error("unexpected end") }
                    let e = bytes[i]
                    i += 1
                    switch e {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
                    case UInt8(ascii: "b"): out.append(0x08)
                    case UInt8(ascii: "f"): out.append(0x0C)
                    case UInt8(ascii: "n"): out.append(0x0A)
                    case UInt8(ascii: "r"): out.append(0x0D)
                    case UInt8(ascii: "t"): out.append(0x09)
                    case UInt8(ascii: "u"): out.append(contentsOf: try unicodeEscape())
                    default: throw error("invalid escape")
                    }
                case 0..<0x20:
                    throw error("control character in a string")
                default:
                    out.append(b)
                    i += 1
                }
            }
            throw error("unterminated string")
        }

        /// After "\u": four hex digits, a surrogate pair as two escapes; lone surrogates throw.
        mutating func unicodeEscape() throws -> [UInt8] {
            let first = try hex4()
            var scalar: UInt32 = first
            if (0xD800..<0xDC00).contains(first) {
                guard i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") else {
                    throw error("unpaired surrogate")
                }
                i += 2
                let second = try hex4()
                guard (0xDC00..<0xE000).contains(second) else { throw error("unpaired surrogate") }
                scalar = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
            } else if (0xDC00..<0xE000).contains(first) {
                throw error("unpaired surrogate")
            }
            guard let u = Unicode.Scalar(scalar) else { throw error("invalid escape") }
            return Array(String(Character(u)).utf8)
        }

        mutating func hex4() throws -> UInt32 {
            guard i + 4 <= bytes.count else { throw error("unexpected end") }
            var v: UInt32 = 0
            for _ in 0..<4 {
                let b = bytes[i]
                let d: UInt8
                switch b {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): d = b - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): d = b - UInt8(ascii: "a") + 10
                case UInt8(ascii: "A")...UInt8(ascii: "F"): d = b - UInt8(ascii: "A") + 10
                default: throw error("invalid \\u escape")
                }
                v = v << 4 | UInt32(d)
                i += 1
            }
            return v
        }

        /// RFC 8259 numbers: Int when integral and in range, else Double (the magnitudes
        /// JSONSerialization gave an NSNumber for; see JSONNumber for reading them).
        mutating func number() throws -> Any {
            let start = i
            func digits() -> Int {
                let s = i
                while i < bytes.count, bytes[i] >= UInt8(ascii: "0"), bytes[i] <= UInt8(ascii: "9") { i += 1 }
                return i - s
            }
            if bytes[i] == UInt8(ascii: "-") { i += 1 }
            let intStart = i
            let intDigits = digits()
            guard intDigits > 0 else { throw error("invalid number") }
            guard intDigits == 1 || bytes[intStart] != UInt8(ascii: "0") else { throw error("leading zero in a number") }
            var integral = true
            if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
                i += 1
                guard digits() > 0 else { throw error("invalid number") }
                integral = false
            }
            if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
                i += 1
                if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
                guard digits() > 0 else { throw error("invalid number") }
                integral = false
            }
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
            if integral, let n = Int(text) { return n }
            guard let d = Double(text), d.isFinite else { throw error("number out of range") }
            return d
        }
    }
}

/// NSNumber's bridging for the numbers JSONReader gives: `as? Int` on a JSONSerialization number
/// succeeded for integral doubles (3.0, 1e2) and for booleans (1/0); a plain cast of a Swift
/// Double or Bool to Int does not, so replies' integers are read through this.
enum JSONNumber {
    static func int(_ value: Any?) -> Int? {
        switch value {
        case let n as Int: return n
        case let d as Double: return Int(exactly: d)
        case let b as Bool: return b ? 1 : 0
        default: return nil
        }
    }
}
