/// A re-implementation of how CPython reads a `str.format` template (Objects/stringlib/
/// unicode_format.h, 3.8+), so COMMAND is checked offline the way the job manager formats it:
/// `{{`/`}}` escapes, auto-numbered `{}`, indexed `{0}`, named `{name}`, attribute and item
/// access, conversions, nested fields in format specs, and every ValueError message verbatim.
/// Python reports errors lazily, field by field; `fields` holds the fields before the failure.
/// A differential test (PythonFormatTests) checks this against the python3 on the machine.
public enum PythonFormat {
    public struct Field: Sendable, Equatable {
        public enum Reference: Sendable, Equatable {
            case auto(Int)      // `{}`: the n-th automatic field
            case index(Int)     // `{2}`
            case name(String)   // `{bucket}`
        }
        public let reference: Reference
        /// Byte offset of the opening `{` in the template's UTF-8, and the field's byte length.
        public let offset: Int
        public let length: Int
        /// `.attr` / `[key]` after the first part of the field name.
        public let accessor: String?
        public let conversion: Character?
        public let formatSpec: String
        /// True for fields inside another field's format spec (`{:{}}`).
        public let nested: Bool

        public var positionalIndex: Int? {
            switch reference {
            case .auto(let n), .index(let n): return n
            case .name: return nil
            }
        }
    }

    public struct Failure: Error, Sendable, Equatable {
        /// CPython's ValueError message, verbatim where CPython's is fixed text.
        public let message: String
        public let offset: Int
    }

    public struct Analysis: Sendable, Equatable {
        public var fields: [Field] = []
        public var failure: Failure?

        public var positionalIndexes: Set<Int> { Set(fields.compactMap(\.positionalIndex)) }
        public var namedFields: [Field] { fields.filter { if case .name = $0.reference { return true } else { return false } } }
        /// How many positional values `format(*values)` needs: highest index + 1.
        public var requiredPositionalCount: Int { (positionalIndexes.max() ?? -1) + 1 }
    }

    public static func analyze(_ template: String) -> Analysis {
        var p = Parser(bytes: Array(template.utf8))
        var analysis = Analysis()
        do {
            try p.build(from: 0, to: p.bytes.count, nested: false, into: &analysis.fields, depth: 0)
        } catch {
            analysis.failure = error
        }
        return analysis
    }

    private struct Parser {
        let bytes: [UInt8]
        var autoNumber = 0
        var numbering: Numbering = .unknown
        enum Numbering { case unknown, auto, manual }

        init(bytes: [UInt8]) { self.bytes = bytes }

        private static let open = UInt8(ascii: "{"), close = UInt8(ascii: "}")

        /// build_string / MarkupIterator_next: literal text, then one field at a time.
        mutating func build(from start: Int, to end: Int, nested: Bool, into fields: inout [Field], depth: Int) throws(Failure) {
            if depth >= 2 { throw Failure(message: "Max string recursion exceeded", offset: start) }
            var pos = start
            while pos < end {
                var c: UInt8 = 0
                var markup = false
                while pos < end {
                    c = bytes[pos]
                    pos += 1
                    if c == Self.open || c == Self.close { markup = true; break }
                }
                guard markup else { return }
                let atEnd = pos >= end
                if c == Self.close && (atEnd || bytes[pos] != Self.close) {
                    throw Failure(message: "Single '}' encountered in format string", offset: pos - 1)
                }
                if atEnd && c == Self.open {
                    throw Failure(message: "Single '{' encountered in format string", offset: pos - 1)
                }
                if bytes[pos] == c { pos += 1; continue } // `{{` or `}}`
                try field(&pos, end: end, openedAt: pos - 1, nested: nested, into: &fields, depth: depth)
            }
        }

        /// parse_field, then the checks output_markup makes while rendering the field.
        mutating func field(_ pos: inout Int, end: Int, openedAt: Int, nested: Bool, into fields: inout [Field], depth: Int) throws(Failure) {
            let nameStart = pos
            var c: UInt8 = 0
            var stopped = false
            while pos < end {
                c = bytes[pos]
                pos += 1
                if c == Self.open { throw Failure(message: "unexpected '{' in field name", offset: pos - 1) }
                if c == UInt8(ascii: "[") {
                    while pos < end, bytes[pos] != UInt8(ascii: "]") { pos += 1 }
                    continue
                }
                if c == Self.close || c == UInt8(ascii: ":") || c == UInt8(ascii: "!") { stopped = true; break }
            }
            guard stopped else { throw Failure(message: "expected '}' before end of string", offset: openedAt) }
            let name = text(nameStart, pos - 1)
            var conversion: Character?
            var spec = (start: pos, end: pos)
            var expands = false
            if c == UInt8(ascii: "!") || c == UInt8(ascii: ":") {
                if c == UInt8(ascii: "!") {
                    guard pos < end else {
                        throw Failure(message: "end of string while looking for conversion specifier", offset: openedAt)
                    }
                    let scalarEnd = scalarEnd(pos)
                    conversion = Character(text(pos, scalarEnd))
                    pos = scalarEnd
                    if pos < end {
                        let next = bytes[pos]
                        pos += 1
                        if next == Self.close {
                            spec = (pos, pos)
                            return try render(name, conversion, spec, expands, openedAt, pos, nested, &fields, depth)
                        }
                        if next != UInt8(ascii: ":") {
                            throw Failure(message: "expected ':' after conversion specifier", offset: openedAt)
                        }
                    }
                }
                let specStart = pos
                var count = 1
                while pos < end {
                    let d = bytes[pos]
                    pos += 1
                    if d == Self.open { expands = true; count += 1 }
                    else if d == Self.close {
                        count -= 1
                        if count == 0 {
                            spec = (specStart, pos - 1)
                            return try render(name, conversion, spec, expands, openedAt, pos, nested, &fields, depth)
                        }
                    }
                }
                throw Failure(message: "unmatched '{' in format spec", offset: openedAt)
            }
            spec = (pos, pos)
            try render(name, conversion, spec, expands, openedAt, pos, nested, &fields, depth)
        }

        /// get_field_object, the conversion and the format spec, in CPython's order.
        mutating func render(_ name: String, _ conversion: Character?, _ spec: (start: Int, end: Int), _ expands: Bool,
                             _ openedAt: Int, _ end: Int, _ nested: Bool, _ fields: inout [Field], _ depth: Int) throws(Failure) {
            var firstEnd = name.startIndex
            while firstEnd < name.endIndex, name[firstEnd] != ".", name[firstEnd] != "[" { firstEnd = name.index(after: firstEnd) }
            let first = String(name[..<firstEnd])
            let accessor = firstEnd < name.endIndex ? String(name[firstEnd...]) : nil
            let reference: Field.Reference
            if first.isEmpty {
                if numbering == .manual {
                    throw Failure(message: "cannot switch from manual field specification to automatic field numbering", offset: openedAt)
                }
                numbering = .auto
                reference = .auto(autoNumber)
                autoNumber += 1
            } else if let n = Self.decimal(first) {
                if numbering == .auto {
                    throw Failure(message: "cannot switch from automatic field numbering to manual field specification", offset: openedAt)
                }
                numbering = .manual
                reference = .index(n)
            } else {
                reference = .name(first)
            }
            let specText = text(spec.start, spec.end)
            fields.append(Field(reference: reference, offset: openedAt, length: end - openedAt, accessor: accessor,
                                conversion: conversion, formatSpec: specText, nested: nested))
            if case .name = reference { return } // KeyError here at run time; BP140 reports it
            if let accessor { try checkAccessor(accessor, openedAt) }
            if let conversion, !["r", "s", "a"].contains(conversion) {
                throw Failure(message: "Unknown conversion specifier \(conversion)", offset: openedAt)
            }
            if expands {
                try build(from: spec.start, to: spec.end, nested: true, into: &fields, depth: depth + 1)
                // The spec is then made of a value (a bucket or key name), which is not a format spec.
                throw Failure(message: "Invalid format specifier (a value is used as the format spec)", offset: openedAt)
            }
            if accessor == nil, let problem = Self.stringSpecProblem(specText) {
                throw Failure(message: problem, offset: openedAt)
            }
        }

        /// FieldNameIterator's syntax errors for `.attr` and `[key]`.
        func checkAccessor(_ accessor: String, _ at: Int) throws(Failure) {
            var rest = Substring(accessor)
            while let c = rest.first {
                rest = rest.dropFirst()
                if c == "." {
                    let attr = rest.prefix { $0 != "." && $0 != "[" }
                    if attr.isEmpty { throw Failure(message: "Empty attribute in format string", offset: at) }
                    rest = rest.dropFirst(attr.count)
                } else if c == "[" {
                    guard let close = rest.firstIndex(of: "]") else { throw Failure(message: "Missing ']' in format string", offset: at) }
                    if close == rest.startIndex { throw Failure(message: "Empty attribute in format string", offset: at) }
                    rest = rest[rest.index(after: close)...]
                    if let n = rest.first, n != ".", n != "[" {
                        throw Failure(message: "Only '.' or '[' may follow ']' in format field specifier", offset: at)
                    }
                } else {
                    throw Failure(message: "Only '.' or '[' may follow ']' in format field specifier", offset: at)
                }
            }
        }

        /// Python's get_integer: every character a Unicode decimal digit.
        static func decimal(_ s: String) -> Int? {
            var n = 0
            for c in s.unicodeScalars {
                guard c.properties.numericType == .decimal, let v = c.properties.numericValue else { return nil }
                n = n &* 10 &+ Int(v)
            }
            return n
        }

        /// The errors str.__format__ raises for a literal spec (format_string_internal).
        static func stringSpecProblem(_ spec: String) -> String? {
            guard !spec.isEmpty else { return nil }
            var s = Array(spec)
            var i = 0
            let aligns: Set<Character> = ["<", ">", "=", "^"]
            var align: Character?
            if s.count >= 2, aligns.contains(s[1]) { align = s[1]; i = 2 } else if aligns.contains(s[0]) { align = s[0]; i = 1 }
            var sign = false, alternate = false
            if i < s.count, "+- ".contains(s[i]) { sign = true; i += 1 }
            if i < s.count, s[i] == "z" { i += 1 }
            if i < s.count, s[i] == "#" { alternate = true; i += 1 }
            if i < s.count, s[i] == "0" { i += 1 } // zero padding is allowed for str since 3.10
            while i < s.count, s[i].isASCII, s[i].isNumber { i += 1 }
            var grouping = false
            if i < s.count, s[i] == "," || s[i] == "_" { grouping = true; i += 1 }
            if i < s.count, s[i] == "." {
                i += 1
                let start = i
                while i < s.count, s[i].isASCII, s[i].isNumber { i += 1 }
                if i == start { return "Format specifier missing precision" }
            }
            if s.count - i > 1 {
                return "Invalid format specifier '\(spec)' for object of type 'str'"
            }
            let type: Character = i < s.count ? s[i] : "s"
            s = []
            if type != "s" { return "Unknown format code '\(type)' for object of type 'str'" }
            if sign { return "Sign not allowed in string format specifier" }
            if alternate { return "Alternate form (#) not allowed in string format specifier" }
            if align == "=" { return "'=' alignment not allowed in string format specifier" }
            if grouping { return "Cannot specify ',' with 's'." }
            return nil
        }

        func scalarEnd(_ i: Int) -> Int {
            var j = i + 1
            while j < bytes.count, bytes[j] & 0xC0 == 0x80 { j += 1 }
            return j
        }

        func text(_ a: Int, _ b: Int) -> String { String(decoding: bytes[a..<max(a, b)], as: UTF8.self) }
    }
}
