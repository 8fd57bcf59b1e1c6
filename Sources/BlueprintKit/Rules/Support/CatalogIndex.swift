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

/// FieldCatalog as flat tables, built once, for the structural rules. `FieldCatalog.spec` hashes
/// two Strings per lookup and five rules looked up every key of every object (~0.4 K
/// instructions a lookup, 2.5 M over the 24 shared blueprints); here a key is matched against
/// the few specs of its container by length and bytes, once per blueprint (RuleFacts).
enum CatalogIndex {
    /// Spec ids are indexes into this array.
    static let specs: [FieldSpec] = FieldCatalog.all

    /// The catalog containers, in `FieldCatalog.containers` order.
    static let containers: [String] = FieldCatalog.containers

    /// Spec ids per container, in catalog order.
    private static let byContainer: [[Int]] = containers.map { c in specs.indices.filter { specs[$0].container == c } }

    /// Required spec ids per container, sorted by key (the order RequiredFieldRule reports them).
    static let required: [[Int]] = byContainer.map { ids in
        ids.filter { specs[$0].required }.sorted { specs[$0].key < specs[$1].key }
    }

    /// The keys a mistyped key of the container may be meant as (tool state aside), in catalog
    /// order, so "did you mean" picks the same key every run (dictionary order changed per process).
    static let suggestions: [[String]] = byContainer.map { ids in ids.filter { specs[$0].status != .toolState }.map { specs[$0].key } }

    /// Why a spec's key has no effect, when it has none.
    static let unusedReason: [String?] = specs.map { if case .unused(let why) = $0.status { return why } else { return nil } }
    static let isToolState: [Bool] = specs.map { $0.status == .toolState }

    /// The JSON types a spec accepts, as a mask of `kindMask` bits.
    static let acceptedKinds: [UInt8] = specs.map { spec in
        spec.types.reduce(0) { mask, t in
            switch t {
            case .object: return mask | 1
            case .array: return mask | 2
            case .string: return mask | 4
            case .integer: return mask | 8
            case .number: return mask | 16
            case .boolean: return mask | 32
            case .null: return mask | 64
            }
        }
    }

    /// The bits of the JSON types `node` satisfies (an integer-valued number is also a number),
    /// so `acceptedKinds[id] & kindMask(node) != 0` is `spec.types.contains { $0.matches(node) }`.
    static func kindMask(_ node: Node) -> UInt8 {
        switch node.kind {
        case .object: return 1
        case .array: return 2
        case .string: return 4
        case .number(let n): return n.integer != nil ? 8 | 16 : 16
        case .bool: return 32
        case .null: return 64
        }
    }

    /// The index in `containers` of a catalog container name.
    static func container(_ name: String) -> Int? {
        containers.firstIndex { $0.sameBytes(name) }
    }

    /// Every key's UTF-8 in one buffer (key `id` is keyBytes[keyStart[id]..<keyStart[id + 1]]):
    /// flat arrays, so matching a key retains nothing.
    private static let keyBytes: [UInt8] = specs.flatMap { Array($0.key.utf8) }
    private static let keyStart: [Int] = specs.reduce(into: [0]) { $0.append($0.last! + $1.key.utf8.count) }

    /// The spec id of exactly this key (code point equal, as `FieldCatalog.spec`), or nil.
    static func spec(container: Int, key: String) -> Int? {
        keyBytes.withUnsafeBufferPointer { match(key, byContainer[container], keyStart, $0) }
    }

    /// The spec ids of an object's keys (nil for keys the container does not list).
    static func specs(of members: [Node.Member], in container: String) -> [Int?] {
        guard let c = self.container(container) else { return [Int?](repeating: nil, count: members.count) }
        let ids = byContainer[c], start = keyStart // static lets read once, not per key
        return keyBytes.withUnsafeBufferPointer { table in members.map { match($0.key, ids, start, table) } }
    }

    /// Lengths first (a native String knows its UTF-8 count), bytes only for a spec of that length.
    private static func match(_ key: String, _ ids: [Int], _ start: [Int], _ table: UnsafeBufferPointer<UInt8>) -> Int? {
        let n = key.utf8.count
        for id in ids where start[id + 1] - start[id] == n {
            var key = key
            if n == 0 || key.withUTF8({ memcmp(table.baseAddress! + start[id], $0.baseAddress!, n) == 0 }) { return id }
        }
        return nil
    }
}
