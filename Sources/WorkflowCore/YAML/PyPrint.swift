/// Python's `str()`, `repr()` and `json.dumps()` of the values PyYAML builds, to print exactly
/// what the Python tool prints. Shared structure (aliases) is walked each time it is printed, as
/// Python does, so the walk is bounded by `budget` nodes (`ReadYAML.maxExpandedNodes`), and by
/// `maxDepth` open containers: a chain of aliases (`l1: &l1 [*l0]`, `l2: &l2 [*l1]`, …) nests
/// deeper than any one line of the file, and printing recurses once per level.
struct PyPrinter {
    /// Python's default recursion limit: its `str()` of such a chain fails with a RecursionError
    /// just below 1,000 levels, so every value the Python tool prints is printed here.
    static let maxDepth = 1_000

    var budget: Int
    private var open: Set<ObjectIdentifier> = []

    init(budget: Int) { self.budget = budget }

    mutating func str(_ v: PyValue) throws -> String {
        switch v {
        case .str(let s): return s
        case .date(let d): return PyPrinter.iso(d)
        case .datetime(let t): return PyPrinter.iso(t)
        default: return try repr(v)
        }
    }

    mutating func repr(_ v: PyValue) throws -> String {
        try spend()
        switch v {
        case .none: return "None"
        case .bool(let b): return b ? "True" : "False"
        case .int(let i): return i.description
        case .float(let d): return PyFloat.repr(d)
        case .str(let s): return PyPrinter.reprString(s)
        case .bytes(let b): return PyPrinter.reprBytes(b)
        case .date(let d): return "datetime.date(\(d.year), \(d.month), \(d.day))"
        case .datetime(let t): return PyPrinter.repr(t)
        case .list(let list):
            // A list that contains itself prints as [...], as Python's reprlib guard does.
            guard try enter(list) else { return "[...]" }
            defer { open.remove(ObjectIdentifier(list)) }
            return "[" + (try list.items.map { try repr($0) }).joined(separator: ", ") + "]"
        case .dict(let dict):
            guard try enter(dict) else { return "{...}" }
            defer { open.remove(ObjectIdentifier(dict)) }
            return "{" + (try dict.entries.map { try repr($0.key) + ": " + repr($0.value) }).joined(separator: ", ") + "}"
        }
    }

    /// `json.dumps(v)` with its defaults: ensure_ascii, ", " and ": " separators, NaN/Infinity allowed.
    mutating func json(_ v: PyValue) throws -> String {
        try spend()
        switch v {
        case .none: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return i.description
        case .float(let d): return PyPrinter.jsonFloat(d)
        case .str(let s): return PyPrinter.jsonString(s)
        case .list(let list):
            guard try enter(list) else { throw PyError("Circular reference detected") }
            defer { open.remove(ObjectIdentifier(list)) }
            return "[" + (try list.items.map { try json($0) }).joined(separator: ", ") + "]"
        case .dict(let dict):
            guard try enter(dict) else { throw PyError("Circular reference detected") }
            defer { open.remove(ObjectIdentifier(dict)) }
            return "{" + (try dict.entries.map { try PyPrinter.jsonKey($0.key) + ": " + json($0.value) }).joined(separator: ", ") + "}"
        case .bytes: throw PyError("Object of type bytes is not JSON serializable")
        case .date: throw PyError("Object of type date is not JSON serializable")
        case .datetime: throw PyError("Object of type datetime is not JSON serializable")
        }
    }

    /// Marks a container open; false when it is already open (it contains itself).
    private mutating func enter(_ container: AnyObject) throws -> Bool {
        if open.count >= PyPrinter.maxDepth {
            throw PyError("the value nests deeper than \(PyPrinter.maxDepth) levels (aliases nested in aliases)")
        }
        return open.insert(ObjectIdentifier(container)).inserted
    }

    private mutating func spend() throws {
        budget -= 1
        if budget < 0 { throw PyError("the value expands to more than \(ReadYAML.maxExpandedNodes) nodes (aliases nested too deep)") }
    }

    private static func jsonKey(_ k: PyValue) throws -> String {
        switch k {
        case .str(let s): return jsonString(s)
        case .none: return "\"null\""
        case .bool(let b): return b ? "\"true\"" : "\"false\""
        case .int(let i): return "\"\(i.description)\""
        case .float(let d): return "\"\(jsonFloat(d))\""
        default: throw PyError("keys must be str, int, float, bool or None")
        }
    }

    private static func jsonFloat(_ d: Double) -> String {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d < 0 ? "-Infinity" : "Infinity" }
        return PyFloat.repr(d)
    }

    static func jsonString(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if u.value >= 0x20 && u.value <= 0x7E {
                    out.unicodeScalars.append(u)
                } else {
                    for unit in String(u).utf16 { out += "\\u" + hex(UInt32(unit), width: 4) }
                }
            }
        }
        return out + "\""
    }

    static func reprString(_ s: String) -> String {
        let quote: Character = s.contains("'") && !s.contains("\"") ? "\"" : "'"
        var out = String(quote)
        for u in s.unicodeScalars {
            switch u {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if Character(u) == quote {
                    out += "\\" + String(quote)
                } else if isPrintable(u) {
                    out.unicodeScalars.append(u)
                } else if u.value < 0x100 {
                    out += "\\x" + hex(u.value, width: 2)
                } else if u.value < 0x10000 {
                    out += "\\u" + hex(u.value, width: 4)
                } else {
                    out += "\\U" + hex(u.value, width: 8)
                }
            }
        }
        return out + String(quote)
    }

    static func reprBytes(_ bytes: [UInt8]) -> String {
        let quote: UInt8 = bytes.contains(0x27) && !bytes.contains(0x22) ? 0x22 : 0x27
        var out = "b" + String(UnicodeScalar(quote))
        for b in bytes {
            switch b {
            case 0x5C: out += "\\\\"
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x09: out += "\\t"
            case quote: out += "\\" + String(UnicodeScalar(quote))
            case 0x20...0x7E: out.unicodeScalars.append(UnicodeScalar(b))
            default: out += "\\x" + hex(UInt32(b), width: 2)
            }
        }
        return out + String(UnicodeScalar(quote))
    }

    /// Python's str.isprintable for one code point.
    private static func isPrintable(_ u: Unicode.Scalar) -> Bool {
        if u == " " { return true }
        switch u.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator, .spaceSeparator:
            return false
        default:
            return true
        }
    }

    private static func hex(_ v: UInt32, width: Int) -> String {
        let digits = String(v, radix: 16)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    private static func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }

    static func iso(_ d: PyDate) -> String {
        let y = String(d.year)
        return String(repeating: "0", count: 4 - y.count) + y + "-" + two(d.month) + "-" + two(d.day)
    }

    static func iso(_ t: PyDateTime) -> String {
        var s = iso(t.date) + " " + two(t.hour) + ":" + two(t.minute) + ":" + two(t.second)
        if t.microsecond != 0 {
            let us = String(t.microsecond)
            s += "." + String(repeating: "0", count: 6 - us.count) + us
        }
        if let offset = t.offsetMinutes {
            s += (offset < 0 ? "-" : "+") + two(abs(offset) / 60) + ":" + two(abs(offset) % 60)
        }
        return s
    }

    static func repr(_ t: PyDateTime) -> String {
        var fields = [t.date.year, t.date.month, t.date.day, t.hour, t.minute]
        if t.second != 0 || t.microsecond != 0 { fields.append(t.second) }
        if t.microsecond != 0 { fields.append(t.microsecond) }
        var s = "datetime.datetime(" + fields.map(String.init).joined(separator: ", ")
        if let offset = t.offsetMinutes {
            if offset == 0 {
                s += ", tzinfo=datetime.timezone.utc"
            } else {
                // timedelta's repr normalises to days and non-negative seconds.
                let seconds = offset * 60
                let days = seconds < 0 ? -1 : 0
                let rest = seconds - days * 86_400
                let delta = days != 0 ? "days=\(days), seconds=\(rest)" : "seconds=\(rest)"
                s += ", tzinfo=datetime.timezone(datetime.timedelta(\(delta)))"
            }
        }
        return s + ")"
    }
}
