/// A small non-validating XML reader for AWS replies (UTF-8): elements, attributes, character
/// data with the predefined and numeric entities, CDATA; comments, processing instructions and
/// a DOCTYPE without an internal subset are skipped. No DTDs and no external entities, so
/// nothing in a reply can make it read files or expand entities. Iterative, and nesting is
/// capped (AWS replies nest a dozen levels; freeing a deeper tree would recurse).
struct XMLReader {
    static let maxDepth = 256

    struct Failure: Error {
        let reason: String
        let offset: Int
        var empty = false
    }

    private let bytes: [UInt8]
    private var i = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The root element.
    mutating func document() throws -> XMLNode {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
        try skipMisc()
        guard i < bytes.count else { throw Failure(reason: "no root element", offset: i, empty: true) }
        guard bytes[i] == UInt8(ascii: "<") else { throw fail("text before the root element") }
        let root = try element()
        try skipMisc()
        guard i == bytes.count else { throw fail("content after the root element") }
        return root
    }

    private func fail(_ reason: String) -> Failure { Failure(reason: reason, offset: i) }

    private func at(_ literal: String) -> Bool {
        var j = i
        for b in literal.utf8 {
            guard j < bytes.count, bytes[j] == b else { return false }
            j += 1
        }
        return true
    }

    /// Moves past `terminator`, or fails at the end of input.
    private mutating func skip(past terminator: String, what: String) throws {
        let t = Array(terminator.utf8)
        while i + t.count <= bytes.count {
            if bytes[i] == t[0], bytes[i..<i + t.count].elementsEqual(t) {
                i += t.count
                return
            }
            i += 1
        }
        throw fail("unterminated \(what)")
    }

    /// Whitespace, comments, processing instructions and a DOCTYPE, outside the root element.
    private mutating func skipMisc() throws {
        while i < bytes.count {
            switch bytes[i] {
            case 0x20, 0x09, 0x0A, 0x0D: i += 1
            case UInt8(ascii: "<") where at("<?"): try skip(past: "?>", what: "processing instruction")
            case UInt8(ascii: "<") where at("<!--"): try skip(past: "-->", what: "comment")
            case UInt8(ascii: "<") where at("<!DOCTYPE"):
                while i < bytes.count, bytes[i] != UInt8(ascii: ">") {
                    if bytes[i] == UInt8(ascii: "[") { throw fail("DOCTYPE with an internal subset") }
                    i += 1
                }
                guard i < bytes.count else { throw fail("unterminated DOCTYPE") }
                i += 1
            default: return
            }
        }
    }

    private static func isNameByte(_ b: UInt8) -> Bool {
        switch b {
        case 0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: "/"), UInt8(ascii: ">"), UInt8(ascii: "="), UInt8(ascii: "<"),
             UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "&"): return false
        default: return true
        }
    }

    private mutating func name() throws -> String {
        let start = i
        while i < bytes.count, Self.isNameByte(bytes[i]) { i += 1 }
        guard i > start else { throw fail("expected a name") }
        return String(decoding: bytes[start..<i], as: UTF8.self)
    }

    private mutating func skipSpace() {
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D { i += 1 }
    }

    /// An open element under construction.
    private struct Open {
        let name: String
        let attributes: [(String, String)]
        var items: [XMLNode.Item] = []
        var text: [UInt8] = []

        mutating func flushText() {
            if !text.isEmpty { items.append(.text(String(decoding: text, as: UTF8.self))) }
            text.removeAll(keepingCapacity: true)
        }
    }

    /// The element starting at `<`, with everything inside it.
    private mutating func element() throws -> XMLNode {
        var stack: [Open] = []
        while true {
            guard i < bytes.count else { throw fail("unexpected end inside <\(stack.last?.name ?? "")>") }
            let b = bytes[i]
            if b != UInt8(ascii: "<") {
                guard !stack.isEmpty else { throw fail("text outside an element") }
                if b == UInt8(ascii: "&") {
                    stack[stack.count - 1].text += try entity()
                } else {
                    stack[stack.count - 1].text.append(b)
                    i += 1
                }
                continue
            }
            if at("</") {
                i += 2
                let closing = try name()
                skipSpace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: ">") else { throw fail("expected > after </\(closing)") }
                i += 1
                guard var open = stack.popLast(), open.name == closing else { throw fail("</\(closing)> does not close the open element") }
                open.flushText()
                let node = XMLNode(name: open.name, attributes: open.attributes, items: open.items)
                if stack.isEmpty { return node }
                stack[stack.count - 1].items.append(.element(node))
            } else if at("<!--") {
                try skip(past: "-->", what: "comment")
            } else if at("<?") {
                try skip(past: "?>", what: "processing instruction")
            } else if at("<![CDATA[") {
                guard !stack.isEmpty else { throw fail("CDATA outside an element") }
                i += 9
                let start = i
                try skip(past: "]]>", what: "CDATA section")
                stack[stack.count - 1].text += bytes[start..<i - 3]
            } else {
                i += 1
                let tag = try name()
                var attributes: [(String, String)] = []
                while true {
                    skipSpace()
                    guard i < bytes.count else { throw fail("unterminated <\(tag)") }
                    if bytes[i] == UInt8(ascii: ">") || at("/>") { break }
                    let key = try name()
                    skipSpace()
                    guard i < bytes.count, bytes[i] == UInt8(ascii: "=") else { throw fail("expected = after \(key)") }
                    i += 1
                    skipSpace()
                    attributes.append((key, try quoted()))
                }
                if !stack.isEmpty { stack[stack.count - 1].flushText() }
                if at("/>") {
                    i += 2
                    let node = XMLNode(name: tag, attributes: attributes, items: [])
                    if stack.isEmpty { return node }
                    stack[stack.count - 1].items.append(.element(node))
                } else {
                    i += 1
                    guard stack.count < Self.maxDepth else { throw fail("elements nested deeper than \(Self.maxDepth)") }
                    stack.append(Open(name: tag, attributes: attributes))
                }
            }
        }
    }

    private mutating func quoted() throws -> String {
        guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") || bytes[i] == UInt8(ascii: "'") else { throw fail("expected a quoted value") }
        let quote = bytes[i]
        i += 1
        var value: [UInt8] = []
        while i < bytes.count, bytes[i] != quote {
            if bytes[i] == UInt8(ascii: "<") { throw fail("< in an attribute value") }
            if bytes[i] == UInt8(ascii: "&") {
                value += try entity()
            } else {
                value.append(bytes[i])
                i += 1
            }
        }
        guard i < bytes.count else { throw fail("unterminated attribute value") }
        i += 1
        return String(decoding: value, as: UTF8.self)
    }

    /// `&name;` or `&#N;`/`&#xN;` at `i`, as UTF-8.
    private mutating func entity() throws -> [UInt8] {
        let start = i
        guard let end = bytes[i...].prefix(12).firstIndex(of: UInt8(ascii: ";")) else { throw fail("& without ;") }
        let ref = String(decoding: bytes[(start + 1)..<end], as: UTF8.self)
        i = end + 1
        switch ref {
        case "lt": return [UInt8(ascii: "<")]
        case "gt": return [UInt8(ascii: ">")]
        case "amp": return [UInt8(ascii: "&")]
        case "quot": return [UInt8(ascii: "\"")]
        case "apos": return [UInt8(ascii: "'")]
        default:
            let scalar: UInt32?
            if ref.hasPrefix("#x") || ref.hasPrefix("#X") {
                scalar = UInt32(ref.dropFirst(2), radix: 16)
            } else if ref.hasPrefix("#") {
                scalar = UInt32(ref.dropFirst(), radix: 10)
            } else {
                scalar = nil
            }
            guard let scalar, let u = Unicode.Scalar(scalar), scalar != 0 else {
                i = start
                throw fail("unknown entity &\(ref);")
            }
            return Array(String(Character(u)).utf8)
        }
    }
}
