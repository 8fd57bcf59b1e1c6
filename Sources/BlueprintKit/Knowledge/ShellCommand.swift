/// Just enough POSIX shell lexing to reason about COMMAND: which bytes are inside quotes, the
/// words and operators, so quoting and run_main_cli.sh arguments can be checked.
public struct ShellCommand: Sendable {
    public struct Word: Sendable, Equatable {
        public let text: String      // as written, quotes included
        public let range: Range<Int> // UTF-8 byte offsets in the command
        /// The word with its quotes removed.
        public var unquoted: String { Self.unquotedASCII(text) ?? Self.unquotedByCharacters(text) }

        static func unquotedByCharacters(_ text: String) -> String {
            var out = ""
            var quote: Character?
            for c in text {
                if let q = quote { if c == q { quote = nil } else { out.append(c) } }
                else if c == "\"" || c == "'" { quote = c }
                else { out.append(c) }
            }
            return out
        }

        /// `unquoted` by bytes when the word is ASCII (one Character per byte, "\r\n" aside,
        /// which is no quote either way): most words have no quotes and need no new String.
        /// The Character walk cost ~4 K instructions a word (issue 13).
        static func unquotedASCII(_ text: String) -> String? {
            var copy = text
            // nil: not ASCII; [] with hasQuote false: no quotes, the text itself.
            var hasQuote = false
            let bytes: [UInt8]? = copy.withUTF8 { b in
                for x in b {
                    if x >= 0x80 { return nil }
                    if x == 0x22 || x == 0x27 { hasQuote = true }
                }
                guard hasQuote else { return [] }
                var out: [UInt8] = []
                out.reserveCapacity(b.count)
                var quote: UInt8?
                for x in b {
                    if let q = quote { if x == q { quote = nil } else { out.append(x) } }
                    else if x == 0x22 || x == 0x27 { quote = x }
                    else { out.append(x) }
                }
                return out
            }
            guard let bytes else { return nil }
            return hasQuote ? String(decoding: bytes, as: UTF8.self) : text
        }
    }

    public enum Token: Sendable, Equatable {
        case word(Word)
        case separator(String) // ; && || | & newline
    }

    public let bytes: [UInt8]
    /// quoted[i] is true when byte i is inside single or double quotes.
    public let quoted: [Bool]
    public let tokens: [Token]

    public init(_ text: String) {
        let bytes = Array(text.utf8)
        (quoted, tokens) = Self.lex(bytes)
        self.bytes = bytes
    }

    private static func lex(_ bytes: [UInt8]) -> ([Bool], [Token]) {
        var quoted = [Bool](repeating: false, count: bytes.count)
        var tokens: [Token] = []
        var quote: UInt8?
        var wordStart: Int?
        var i = 0
        func endWord(_ at: Int) {
            if let s = wordStart {
                tokens.append(.word(Word(text: String(decoding: bytes[s..<at], as: UTF8.self), range: s..<at)))
                wordStart = nil
            }
        }
        while i < bytes.count {
            let c = bytes[i]
            if let q = quote {
                quoted[i] = true
                if c == q { quote = nil } else if q == UInt8(ascii: "\""), c == UInt8(ascii: "\\"), i + 1 < bytes.count {
                    quoted[i + 1] = true
                    i += 1
                }
                i += 1
                continue
            }
            switch c {
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                if wordStart == nil { wordStart = i }
                quote = c
                quoted[i] = true
            case UInt8(ascii: "\\"):
                if wordStart == nil { wordStart = i }
                i += 1
            case UInt8(ascii: " "), UInt8(ascii: "\t"):
                endWord(i)
            case UInt8(ascii: ";"), UInt8(ascii: "\n"), UInt8(ascii: "&"), UInt8(ascii: "|"):
                endWord(i)
                var op = String(UnicodeScalar(c))
                if i + 1 < bytes.count, bytes[i + 1] == c, c == UInt8(ascii: "&") || c == UInt8(ascii: "|") { op += op; i += 1 }
                tokens.append(.separator(op))
            default:
                if wordStart == nil { wordStart = i }
            }
            i += 1
        }
        endWord(bytes.count)
        return (quoted, tokens)
    }

    /// Simple commands (the words between separators).
    public var commands: [[Word]] {
        var out: [[Word]] = []
        var current: [Word] = [] // appended as a whole: no copy-on-write check per word
        for t in tokens {
            switch t {
            case .word(let w): current.append(w)
            case .separator: if !current.isEmpty { out.append(current); current = [] }
            }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }
}
