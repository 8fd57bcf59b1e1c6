/// An object's members sorted against the catalog keys of its container in one pass: where each
/// known key is, and the members under no known key (document order). The model used to find
/// each typed field with a scan of the members and the unknown keys with a scan of the catalog
/// per member (0.5 M instructions for the 24 shared blueprints); one scan gives both.
/// Keys are compared by code points, as `Node.member` does; the parser refuses duplicate keys,
/// so the member found is the one `member(_:)` returns.
struct MemberIndex {
    private let members: [Node.Member]
    private let known: [String]
    private let pointer: String
    /// Per known key: its member's index, or -1.
    private var position: [Int]
    private(set) var unknownFields: [Field] = []

    /// `node` need not be an object (then no field is present and none is unknown).
    init(_ node: Node, pointer: String, known lookup: KnownKeys) {
        let known = lookup.keys
        self.known = known
        self.pointer = pointer
        position = [Int](repeating: -1, count: known.count)
        guard case .object(let members) = node.kind else {
            self.members = []
            return
        }
        self.members = members
        for i in members.indices {
            let key = members[i].key
            if let k = lookup.position(of: key) {
                position[k] = i
            } else {
                unknownFields.append(Field(key: key, member: members[i], parentPointer: pointer))
            }
        }
    }

    /// The field under the known key at `slot` (a position in `known`, see `slots`).
    func field(_ slot: Int) -> Field? {
        let i = position[slot]
        return i < 0 ? nil : Field(key: known[slot], member: members[i], parentPointer: pointer)
    }

    /// Positions of `keys` in `known`, for reading fields by slot; every key must be known.
    static func slots(_ keys: [String], in known: KnownKeys) -> [Int] {
        keys.map { key in known.position(of: key)! }
    }
}

/// The catalog keys of one container, grouped by UTF-8 length: a member's key is compared with
/// the few keys of its length only (LambdaConfig knows 31 keys).
struct KnownKeys: Sendable {
    let keys: [String]
    /// Positions in `keys`, shortest keys first; those of length n are order[start[n]..<start[n + 1]].
    private let order: [Int]
    private let start: [Int]

    init(_ keys: [String]) {
        self.keys = keys
        // A counting sort by length (stable: keys of one length keep the catalog's order).
        let lengths = keys.map(\.utf8.count)
        var start = [Int](repeating: 0, count: (lengths.max() ?? 0) + 2)
        for n in lengths { start[n + 1] += 1 }
        for n in 1..<start.count { start[n] += start[n - 1] }
        var next = start, order = [Int](repeating: 0, count: keys.count)
        for (i, n) in lengths.enumerated() {
            order[next[n]] = i
            next[n] += 1
        }
        self.order = order
        self.start = start
    }

    /// The position of `key` in `keys`, by code points.
    func position(of key: String) -> Int? {
        let n = key.utf8.count
        guard n + 1 < start.count else { return nil }
        for k in start[n]..<start[n + 1] where keys[order[k]].sameScalars(as: key) { return order[k] }
        return nil
    }

    static let top = KnownKeys(FieldCatalog.topKeys), lambda = KnownKeys(FieldCatalog.lambdaKeys),
               config = KnownKeys(FieldCatalog.configKeys), uxData = KnownKeys(FieldCatalog.uxDataKeys),
               affiliate = KnownKeys(FieldCatalog.affiliateKeys)
}
