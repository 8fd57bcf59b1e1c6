/// Names (user names, affiliate and pipeline names, IAM groups) to values, comparing code points
/// as AWS and JSON do, in insertion order. The rules used `Dictionary<ScalarKey, …>`; the first
/// such Dictionary in a process costs a protocol-conformance scan (0.4 M instructions, more than
/// the rule) and every lookup hashed with SipHash. This is a small open-addressing table over the
/// names' UTF-8 (FNV-1a), with the same answers.
struct NameMap<Value> {
    private(set) var names: [String] = []
    private(set) var values: [Value] = []
    /// Positions in `names` + 1; 0 is an empty slot. The count is a power of two.
    private var slots: [Int]

    init(capacity: Int = 8) {
        var n = 16
        while n < capacity * 2 { n *= 2 }
        slots = [Int](repeating: 0, count: n)
        names.reserveCapacity(capacity)
        values.reserveCapacity(capacity)
    }

    var count: Int { names.count }

    /// The position of `name` in `names`/`values`, if present.
    func position(of name: String) -> Int? {
        var i = Self.hash(name) & (slots.count - 1)
        while slots[i] != 0 {
            if names[slots[i] - 1].sameScalars(as: name) { return slots[i] - 1 }
            i = (i + 1) & (slots.count - 1)
        }
        return nil
    }

    /// Add a name that is not present yet; returns its position.
    @discardableResult
    mutating func append(_ name: String, _ value: Value) -> Int {
        if (names.count + 1) * 2 > slots.count { grow() }
        names.append(name)
        values.append(value)
        insertSlot(names.count - 1)
        return names.count - 1
    }

    subscript(position: Int) -> Value { values[position] }

    private mutating func insertSlot(_ position: Int) {
        var i = Self.hash(names[position]) & (slots.count - 1)
        while slots[i] != 0 { i = (i + 1) & (slots.count - 1) }
        slots[i] = position + 1
    }

    private mutating func grow() {
        slots = [Int](repeating: 0, count: slots.count * 2)
        for p in names.indices { insertSlot(p) }
    }

    static func hash(_ name: String) -> Int {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        // Over the contiguous bytes: iterating `utf8` cost ~600 instructions a name.
        var name = name
        name.withUTF8 { for b in $0 { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 } }
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }
}
