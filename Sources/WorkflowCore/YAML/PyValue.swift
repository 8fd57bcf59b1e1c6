/// A Python object as PyYAML's `full_load` builds it, limited to what plain YAML produces.
/// Lists and dicts are reference types so an alias shares one object, as in Python.
indirect enum PyValue {
    case none
    case bool(Bool)
    case int(PyInt)
    case float(Double)
    case str(String)
    case bytes([UInt8])
    case date(PyDate)
    case datetime(PyDateTime)
    case list(PyList)
    case dict(PyDict)
}

final class PyList {
    var items: [PyValue] = []
}

/// A dict in insertion order; assigning an existing key keeps its place and first key object,
/// as Python's dict does (`a: 1, b: 2, a: 3` is `{'a': 3, 'b': 2}`).
final class PyDict {
    private(set) var entries: [(key: PyValue, value: PyValue)] = []
    /// The key of each entry (nil for NaN), searched in order while the dict is small: the first
    /// `[PyKey: Int]` of a process costs a scan of every protocol conformance in the binary
    /// (~0.4M instructions), more than `read-yaml` of a small config takes otherwise.
    private var keys: [PyKey?] = []
    /// Built once the dict outgrows a linear search.
    private var index: [PyKey: Int]?
    private static let linearLimit = 16

    /// False when the key is unhashable (a list or dict), which Python refuses.
    func set(_ key: PyValue, _ value: PyValue) -> Bool {
        if case .float(let d) = key, d.isNaN {
            entries.append((key, value)) // nan != nan: every NaN key is its own entry
            keys.append(nil)
            return true
        }
        guard let k = PyKey(key) else { return false }
        if let i = position(k) {
            entries[i].value = value
            return true
        }
        index?[k] = entries.count
        entries.append((key, value))
        keys.append(k)
        if index == nil && keys.count > Self.linearLimit {
            var built: [PyKey: Int] = [:]
            for (i, key) in keys.enumerated() { if let key { built[key] = i } }
            index = built
        }
        return true
    }

    func value(forStringKey s: String) -> PyValue? {
        position(.str(Array(s.unicodeScalars.map(\.value)))).map { entries[$0].value }
    }

    private func position(_ k: PyKey) -> Int? {
        if let index { return index[k] }
        return keys.firstIndex { $0 == k }
    }
}

/// Python's key equality: strings by code point (not Swift's canonical equivalence), and
/// 1 == 1.0 == True across numbers.
enum PyKey: Hashable {
    case none
    case number(String)
    case str([UInt32])
    case bytes([UInt8])
    case date(Int, Int, Int)
    case naive(PyDateTime)
    case aware(Int64, Int)

    init?(_ v: PyValue) {
        switch v {
        case .none: self = .none
        case .bool(let b): self = .number(b ? "1" : "0")
        case .int(let i): self = .number(i.description)
        case .float(let d):
            if d.isNaN || d.isInfinite || d != d.rounded() {
                self = .number("f" + PyFloat.repr(d))
            } else {
                self = .number(PyInt(exactly: d).description)
            }
        case .str(let s): self = .str(s.unicodeScalars.map(\.value))
        case .bytes(let b): self = .bytes(b)
        case .date(let d): self = .date(d.year, d.month, d.day)
        case .datetime(let t):
            if let offset = t.offsetMinutes { self = .aware(t.utcSeconds(offset: offset), t.microsecond) } else { self = .naive(t) }
        case .list, .dict: return nil
        }
    }
}

struct PyDate: Hashable {
    let year: Int, month: Int, day: Int

    init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), (1...PyDate.days(year, month)).contains(day) else { return nil }
        self.year = year; self.month = month; self.day = day
    }

    static func days(_ year: Int, _ month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 0001-01-01 (proleptic Gregorian), for comparing aware datetimes.
    var ordinal: Int {
        let y = year - 1
        var n = y * 365 + y / 4 - y / 100 + y / 400
        for m in 1..<month { n += PyDate.days(year, m) }
        return n + day - 1
    }
}

struct PyDateTime: Hashable {
    let date: PyDate
    let hour: Int, minute: Int, second: Int, microsecond: Int
    /// nil: naive; 0 with `utc` true: `timezone.utc`.
    let offsetMinutes: Int?

    func utcSeconds(offset: Int) -> Int64 {
        Int64(date.ordinal) * 86_400 + Int64(hour * 3600 + minute * 60 + second) - Int64(offset * 60)
    }
}

/// Why PyYAML or the Python tool's printing would raise instead of printing.
struct PyError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
