/// A strict RFC 8259 parser that records the byte range of every key and value and rejects
/// duplicate keys (naming both places), because Foundation's parser loses positions and silently
/// keeps the last duplicate.
///
/// It reads through an unsafe buffer pointer (no bounds check or array retain per byte; every
/// index is checked against `bytes.count` by the code itself) and gathers the members and
/// elements of all open containers on two shared stacks, so each object or array is allocated
/// once at its final size: ~90 instructions a byte before, for the shared blueprints.
public struct JSONParser {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var i = 0
    private var depth = 0
    private var memberStack = MoveStack<Node.Member>(capacity: 64)
    private var elementStack = MoveStack<Node>(capacity: 64)

    /// Parse a whole document. `bytes` must already be valid UTF-8 with any BOM removed
    /// (DocumentLoader does both); the parser still never reads past the end.
    public static func parse(_ bytes: [UInt8], startingAt start: Int = 0) throws(ParseError) -> Node {
        // Typed throws through the closure (a Result<Node, ParseError> here cost a run-time
        // conformance lookup of ParseError: Error, ~0.2 M instructions).
        try bytes.withUnsafeBufferPointer { (buffer) throws(ParseError) -> Node in
            var p = JSONParser(bytes: buffer, i: start)
            defer {
                p.memberStack.free()
                p.elementStack.free()
            }
            return try p.document()
        }
    }

    private mutating func document() throws(ParseError) -> Node {
        skipWhitespace()
        if i >= bytes.count {
            throw ParseError("the file is empty", at: i, hint: "a blueprint is one JSON object: { \"PipelineName\": ... }")
        }
        let node = try parseValue()
        skipWhitespace()
        if i < bytes.count {
            throw ParseError("unexpected \(describe(i)) after the end of the JSON value", at: i,
                             hint: "a file holds exactly one JSON value; remove the extra text or wrap the values in an array")
        }
        return node
    }

    /// Members compared one by one before the object's keys are hashed. 64: LambdaConfig has
    /// 16-20 keys, and the first `[ScalarKey: Int]` of a process costs a conformance scan and
    /// metadata set-up (1.3 M instructions) that 64 linear comparisons of lengths never reach.
    static let linearKeyLimit = 64

    private init(bytes: UnsafeBufferPointer<UInt8>, i: Int) {
        self.bytes = bytes
        self.i = i
    }

    // MARK: values

    private mutating func parseValue() throws(ParseError) -> Node {
        guard i < bytes.count else { throw truncated("a value") }
        switch bytes[i] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""):
            let start = i
            let s = try parseString()
            return Node(.string(s), SourceRange(start: start, end: i))
        case UInt8(ascii: "t"): return try literal("true", .bool(true))
        case UInt8(ascii: "f"): return try literal("false", .bool(false))
        case UInt8(ascii: "n"): return try literal("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        case UInt8(ascii: "'"):
            throw ParseError("strings must use double quotes, not single quotes", at: i, hint: "replace ' with \"")
        case UInt8(ascii: "}"), UInt8(ascii: "]"):
            throw ParseError("expected a value, found '\(Character(UnicodeScalar(bytes[i])))'", at: i,
                             hint: "remove the trailing comma before it")
        default:
            throw ParseError("expected a value, found \(describe(i))", at: i,
                             hint: "a value is a string in double quotes, a number, true, false, null, an object or an array")
        }
    }

    private mutating func enter() throws(ParseError) {
        depth += 1
        if depth > InputLimits.maxDepth {
            throw ParseError("nesting is deeper than \(InputLimits.maxDepth) levels", at: i,
                             hint: "blueprints nest a few levels; this file is probably not a blueprint")
        }
    }

    private mutating func parseObject() throws(ParseError) -> Node {
        let start = i
        try enter()
        i += 1
        let base = memberStack.count
        // Keys compare by code points, not canonical equivalence (RFC 8259). Blueprint objects
        // have a handful of members: compared in order until an object outgrows that, then hashed
        // (a huge object stays linear; hashing every key of every small object cost more).
        var seen: [ScalarKey: Int]?
        skipWhitespace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "}") {
            i += 1
            depth -= 1
            return Node(.object([]), SourceRange(start: start, end: i))
        }
        while true {
            skipWhitespace()
            guard i < bytes.count else { throw truncated("a key or '}' to close the object opened", openedAt: start) }
            guard bytes[i] == UInt8(ascii: "\"") else {
                if bytes[i] == UInt8(ascii: "}") {
                    throw ParseError("trailing comma before '}'", at: i, hint: "remove the comma after the last member")
                }
                throw ParseError("expected a key in double quotes, found \(describe(i))", at: i,
                                 hint: bytes[i] == UInt8(ascii: "'") ? "replace ' with \"" : "object keys are strings: \"KEY\": value")
            }
            let keyStart = i
            let key = try parseString()
            let keyRange = SourceRange(start: keyStart, end: i)
            skipWhitespace()
            guard i < bytes.count else { throw truncated("':' after the key \"\(key)\"") }
            guard bytes[i] == UInt8(ascii: ":") else {
                throw ParseError("expected ':' after the key \"\(key)\", found \(describe(i))", at: i)
            }
            i += 1
            skipWhitespace()
            let value = try parseValue()
            let count = memberStack.count - base
            if seen == nil && count >= Self.linearKeyLimit {
                var table: [ScalarKey: Int] = [:]
                for k in base..<memberStack.count {
                    let (key, at) = memberStack.withElement(k) { ($0.key, $0.keyRange.start) }
                    if table[ScalarKey(key)] == nil { table[ScalarKey(key)] = at }
                }
                seen = table
            }
            var first: Int?
            if let seen {
                first = seen[ScalarKey(key)]
            } else {
                for k in base..<memberStack.count where memberStack.withElement(k, { $0.key.sameScalars(as: key) }) {
                    first = memberStack.withElement(k) { $0.keyRange.start }
                    break
                }
            }
            if let first {
                throw ParseError("duplicate key \"\(key)\"", at: keyStart,
                                 hint: "JSON readers keep only one of them; delete or rename one",
                                 related: .init(message: "first defined here", offset: first))
            }
            seen?[ScalarKey(key)] = keyStart
            memberStack.push(Node.Member(key: key, keyRange: keyRange, value: value))
            skipWhitespace()
            guard i < bytes.count else { throw truncated("',' or '}' to close the object opened", openedAt: start) }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "}") { i += 1; break }
            throw ParseError("expected ',' or '}' after the value of \"\(key)\", found \(describe(i))", at: i,
                             hint: "add a comma between members")
        }
        depth -= 1
        let members = memberStack.popArray(from: base)
        return Node(.object(members), SourceRange(start: start, end: i))
    }

    private mutating func parseArray() throws(ParseError) -> Node {
        let start = i
        try enter()
        i += 1
        let base = elementStack.count
        skipWhitespace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "]") {
            i += 1
            depth -= 1
            return Node(.array([]), SourceRange(start: start, end: i))
        }
        while true {
            skipWhitespace()
            if i < bytes.count, bytes[i] == UInt8(ascii: "]") {
                throw ParseError("trailing comma before ']'", at: i, hint: "remove the comma after the last element")
            }
            let element = try parseValue()
            elementStack.push(element)
            skipWhitespace()
            guard i < bytes.count else { throw truncated("',' or ']' to close the array opened", openedAt: start) }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "]") { i += 1; break }
            throw ParseError("expected ',' or ']' in the array, found \(describe(i))", at: i,
                             hint: "add a comma between elements")
        }
        depth -= 1
        let elements = elementStack.popArray(from: base)
        return Node(.array(elements), SourceRange(start: start, end: i))
    }

    // MARK: scalars

    private mutating func literal(_ word: String, _ kind: Node.Kind) throws(ParseError) -> Node {
        let start = i
        let count = word.utf8.count
        guard matches(word) else {
            if i + 1 >= bytes.count { throw truncated("a value") }
            let isCapitalised = ["True", "False", "None", "Null", "NULL", "TRUE", "FALSE"].contains { self.matches($0) }
            throw ParseError("expected a value, found \(describe(i))", at: i,
                             hint: isCapitalised ? "JSON literals are lowercase: true, false, null" : nil)
        }
        i += count
        return Node(kind, SourceRange(start: start, end: i))
    }

    private func matches(_ word: String) -> Bool {
        var word = word
        return word.withUTF8 { w in
            guard i + w.count <= bytes.count else { return false }
            for k in 0..<w.count where bytes[i + k] != w[k] { return false }
            return true
        }
    }

    private mutating func parseNumber() throws(ParseError) -> Node {
        let start = i
        if bytes[i] == UInt8(ascii: "-") { i += 1 }
        guard i < bytes.count else { throw truncated("digits after '-'") }
        if bytes[i] == UInt8(ascii: "0") {
            i += 1
            if i < bytes.count, isDigit(bytes[i]) {
                throw ParseError("numbers must not have leading zeros", at: start, hint: "write the number without the leading 0, or quote it as a string")
            }
        } else if isDigit(bytes[i]) {
            while i < bytes.count, isDigit(bytes[i]) { i += 1 }
        } else {
            throw ParseError("expected a digit, found \(describe(i))", at: i)
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            guard i < bytes.count, isDigit(bytes[i]) else {
                throw ParseError("expected a digit after the decimal point", at: i)
            }
            while i < bytes.count, isDigit(bytes[i]) { i += 1 }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            guard i < bytes.count, isDigit(bytes[i]) else {
                throw ParseError("expected a digit in the exponent", at: i)
            }
            while i < bytes.count, isDigit(bytes[i]) { i += 1 }
        }
        let raw = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
        let value = Self.integerValue(bytes[start..<i]) ?? Double(raw) ?? .infinity
        return Node(.number(Node.Number(raw: raw, value: value)), SourceRange(start: start, end: i))
    }

    /// The value of a plain integer of at most 15 digits, computed directly (exact in a Double,
    /// so equal to `Double(raw)`, which goes through strtod); nil for anything else, and for
    /// "-0", whose Double is negative zero.
    private static func integerValue(_ digits: Slice<UnsafeBufferPointer<UInt8>>) -> Double? {
        var k = digits.startIndex
        let negative = k < digits.endIndex && digits[k] == UInt8(ascii: "-")
        if negative { k += 1 }
        guard digits.endIndex - k <= 15 else { return nil }
        var v = 0
        while k < digits.endIndex {
            let d = digits[k] &- UInt8(ascii: "0")
            guard d < 10 else { return nil }
            v = v * 10 + Int(d)
            k += 1
        }
        if negative && v == 0 { return nil }
        return Double(negative ? -v : v)
    }

    private mutating func parseString() throws(ParseError) -> String {
        let open = i
        i += 1
        var out: [UInt8] = []
        var runStart = i
        while true {
            guard i < bytes.count else {
                throw ParseError("unterminated string", at: open, hint: "add the closing \" (the file ends inside this string)")
            }
            // The plain run of the string (the common case) in a tight loop on a local index.
            var j = i
            while j < bytes.count {
                let c = bytes[j]
                if c == UInt8(ascii: "\"") || c == UInt8(ascii: "\\") || c < 0x20 { break }
                j += 1
            }
            i = j
            guard i < bytes.count else { continue } // reports the unterminated string above
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                let s: String
                if out.isEmpty {
                    s = String(decoding: UnsafeBufferPointer(rebasing: bytes[runStart..<i]), as: UTF8.self)
                } else {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i]))
                    s = String(decoding: out, as: UTF8.self)
                }
                i += 1
                return s
            }
            if b == UInt8(ascii: "\\") {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i]))
                try parseEscape(into: &out)
                runStart = i
                continue
            }
            if b < 0x20 {
                let what = b == 0x0A ? "a line break" : (b == 0x09 ? "a tab" : "a control character")
                throw ParseError("\(what) inside a string", at: i,
                                 hint: b == 0x0A ? "strings cannot span lines; write \\n or close the string" : "escape it (\\t, \\u00XX)")
            }
            i += 1
        }
    }

    private mutating func parseEscape(into out: inout [UInt8]) throws(ParseError) {
        let at = i
        i += 1
        guard i < bytes.count else { throw truncated("an escape sequence") }
        let c = bytes[i]
        i += 1
        switch c {
        case UInt8(ascii: "\""): out.append(0x22)
        case UInt8(ascii: "\\"): out.append(0x5C)
        case UInt8(ascii: "/"): out.append(0x2F)
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try hex4(at: at)
            if (0xD800...0xDBFF).contains(scalar) {
                // A high surrogate must be followed by an escaped low surrogate.
                guard i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") else {
                    throw ParseError("unpaired surrogate \\u\(String(scalar, radix: 16))", at: at)
                }
                i += 2
                let low = try hex4(at: at)
                guard (0xDC00...0xDFFF).contains(low) else {
                    throw ParseError("unpaired surrogate \\u\(String(scalar, radix: 16))", at: at)
                }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00...0xDFFF).contains(scalar) {
                throw ParseError("unpaired surrogate \\u\(String(scalar, radix: 16))", at: at)
            }
            out.append(contentsOf: Array(String(UnicodeScalar(scalar).map(Character.init) ?? "\u{FFFD}").utf8))
        default:
            throw ParseError("invalid escape '\\\(Character(UnicodeScalar(c)))'", at: at,
                             hint: "valid escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX; write \\\\ for a backslash")
        }
    }

    private mutating func hex4(at escape: Int) throws(ParseError) -> UInt32 {
        guard i + 4 <= bytes.count else { throw truncated("four hex digits after \\u") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[i]
            let d: UInt32
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(b - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(b - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(b - UInt8(ascii: "A") + 10)
            default: throw ParseError("expected four hex digits after \\u", at: escape)
            }
            v = v * 16 + d
            i += 1
        }
        return v
    }

    // MARK: helpers

    private mutating func skipWhitespace() {
        while i < bytes.count {
            switch bytes[i] {
            case 0x20, 0x0A, 0x0D, 0x09: i += 1
            default: return // comments included: the caller rejects them with a clear message
            }
        }
    }

    private func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }

    private func describe(_ at: Int) -> String {
        guard at < bytes.count else { return "the end of the file" }
        let b = bytes[at]
        if b == UInt8(ascii: "/"), at + 1 < bytes.count, bytes[at + 1] == UInt8(ascii: "/") || bytes[at + 1] == UInt8(ascii: "*") {
            return "a comment (JSON has no comments)"
        }
        if b >= 0x21 && b < 0x7F { return "'\(Character(UnicodeScalar(b)))'" }
        if b == 0x20 { return "a space" }
        if b < 0x20 { return "a control character (0x\(String(b, radix: 16)))" }
        // Decode one scalar for the message.
        var end = at + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        return "'\(String(decoding: UnsafeBufferPointer(rebasing: bytes[at..<end]), as: UTF8.self))'"
    }

    private func truncated(_ expected: String, openedAt: Int? = nil) -> ParseError {
        var what = "the file ends where \(expected)"
        if openedAt != nil { what += " earlier" }
        what += " was expected"
        return ParseError(what, at: bytes.count, hint: "the file looks truncated; check that it was saved completely",
                          related: openedAt.map { .init(message: "opened here", offset: $0) })
    }
}
