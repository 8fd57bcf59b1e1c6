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
    init(_ node: Node, pointer: String, known: [String]) {
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
            var k = 0
            while k < known.count, !known[k].sameScalars(as: key) { k += 1 }
            if k < known.count {
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
    static func slots(_ keys: [String], in known: [String]) -> [Int] {
        keys.map { key in known.firstIndex { $0.sameScalars(as: key) }! }
    }
}
