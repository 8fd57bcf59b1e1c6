#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A parsed input file: its bytes (for snippets) and its positioned tree.
public struct Document: Sendable {
    public let source: SourceFile
    public let root: Node

    public enum Syntax: Sendable { case json, yaml }

    /// YAML for `.yaml`/`.yml`, JSON otherwise.
    public static func syntax(forPath path: String) -> Syntax {
        let lower = path.lowercased()
        return lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") ? .yaml : .json
    }

    /// Parse bytes already in memory. The error cases all end as a ParseError with an offset.
    public static func parse(path: String, bytes: [UInt8], syntax: Syntax? = nil) -> Result<Document, LoadError> {
        let source = SourceFile(path: path, bytes: bytes)
        if bytes.count > InputLimits.maxFileBytes {
            return .failure(LoadError(source: source, error: ParseError(
                "the file is larger than the \(InputLimits.maxFileBytes)-byte limit", at: 0,
                hint: "blueprints are a few kilobytes; check that this is the right file")))
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return .failure(LoadError(source: source, error: ParseError(
                "the file is UTF-16, not UTF-8", at: 0, hint: "save the file as UTF-8")))
        }
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 } // a UTF-8 BOM is accepted and skipped
        if let bad = UTF8Check.firstInvalidByte(bytes, from: start) {
            return .failure(LoadError(source: source, error: ParseError(
                "the file is not valid UTF-8 (byte 0x\(String(bytes[bad], radix: 16, uppercase: true)) at offset \(bad))", at: bad,
                hint: "save the file as UTF-8; Latin-1 or binary content is not accepted")))
        }
        do {
            let root: Node
            switch syntax ?? Self.syntax(forPath: path) {
            case .json: root = try JSONParser.parse(bytes, startingAt: start)
            case .yaml:
                let text = String(decoding: bytes[start...], as: UTF8.self)
                // libyaml reports marks relative to the text it saw; re-base them past a BOM.
                let shifted = start == 0 ? source : SourceFile(path: path, bytes: Array(bytes[start...]))
                let tree = try YAMLLoader.load(shifted, text: text)
                root = start == 0 ? tree : shift(tree, by: start)
            }
            return .success(Document(source: source, root: root))
        } catch {
            return .failure(LoadError(source: source, error: error))
        }
    }

    /// Read and parse a file. Unreadable files become a LoadError at offset 0.
    public static func load(path: String) -> Result<Document, LoadError> {
        switch readBytes(path) {
        case .failure(let why):
            return .failure(LoadError(source: SourceFile(path: path, bytes: []), error: ParseError("cannot read the file: \(why.reason)", at: 0)))
        case .success(let bytes):
            return parse(path: path, bytes: bytes)
        }
    }

    /// Why a path was not read.
    struct Unreadable: Error { let reason: String }

    /// The file's bytes with plain POSIX reads (Foundation's Data(contentsOf:) and attribute
    /// lookups cost more than parsing a blueprint). Reads at most one byte past the size limit.
    /// Only regular files: the open does not block (a FIFO would wait for a writer forever) and
    /// anything else is refused with its kind.
    static func readBytes(_ path: String) -> Result<[UInt8], Unreadable> {
        let fd = open(path, O_RDONLY | O_NONBLOCK)
        guard fd >= 0 else {
            let e = errno
            return .failure(Unreadable(reason: e == ENOENT ? "no such file" : (e == EACCES ? "permission denied" : String(cString: strerror(e)))))
        }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { return .failure(Unreadable(reason: String(cString: strerror(errno)))) }
        guard (st.st_mode & S_IFMT) == S_IFREG else { return .failure(Unreadable(reason: "it is \(kind(st.st_mode)), not a regular file")) }
        let want = min(Int(st.st_size), InputLimits.maxFileBytes + 1)
        var out = [UInt8](repeating: 0, count: want)
        var got = 0
        while got < want {
            let n = out.withUnsafeMutableBytes { read(fd, $0.baseAddress! + got, want - got) }
            if n < 0 { return .failure(Unreadable(reason: String(cString: strerror(errno)))) }
            if n == 0 { break }
            got += n
        }
        out.removeSubrange(got...)
        return .success(out)
    }

    /// "a directory", "a FIFO (named pipe)", … for messages.
    static func kind(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFDIR: return "a directory"
        case S_IFIFO: return "a FIFO (named pipe)"
        case S_IFSOCK: return "a socket"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        default: return "a special file"
        }
    }

    private static func shift(_ node: Node, by delta: Int) -> Node {
        let range = SourceRange(start: node.range.start + delta, end: node.range.end + delta)
        switch node.kind {
        case .object(let members):
            return Node(.object(members.map {
                Node.Member(key: $0.key, keyRange: SourceRange(start: $0.keyRange.start + delta, end: $0.keyRange.end + delta),
                            value: shift($0.value, by: delta))
            }), range)
        case .array(let elements): return Node(.array(elements.map { shift($0, by: delta) }), range)
        default: return Node(node.kind, range)
        }
    }
}

/// A file that could not be read or parsed, with the source kept for the snippet.
public struct LoadError: Error, Sendable {
    public let source: SourceFile
    public let error: ParseError
}

enum UTF8Check {
    /// Offset of the first byte that breaks UTF-8 (overlongs, surrogates and truncation included).
    static func firstInvalidByte(_ b: [UInt8], from start: Int) -> Int? {
        b.withUnsafeBufferPointer { firstInvalidByte($0, from: start) }
    }

    /// ASCII is skipped eight bytes at a time (a blueprint is nearly all ASCII; byte by byte this
    /// was 0.4 M instructions for the 24 shared blueprints).
    static func firstInvalidByte(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var i = start
        let n = b.count
        while i < n {
            while i + 8 <= n,
                  UnsafeRawPointer(b.baseAddress! + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { i += 8 }
            guard i < n else { break }
            let c = b[i]
            if c < 0x80 { i += 1; continue }
            var need = 0
            var min: UInt32 = 0
            var v: UInt32 = 0
            switch c {
            case 0xC2...0xDF: need = 1; v = UInt32(c & 0x1F); min = 0x80
            case 0xE0...0xEF: need = 2; v = UInt32(c & 0x0F); min = 0x800
            case 0xF0...0xF4: need = 3; v = UInt32(c & 0x07); min = 0x10000
            default: return i
            }
            for k in 1...need {
                guard i + k < n, b[i + k] & 0xC0 == 0x80 else { return i }
                v = (v << 6) | UInt32(b[i + k] & 0x3F)
            }
            if v < min || v > 0x10FFFF || (0xD800...0xDFFF).contains(v) { return i }
            i += need + 1
        }
        return nil
    }
}
