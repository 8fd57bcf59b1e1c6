/// A stack in memory the JSON parser owns, from which a finished object's members (or array's
/// elements) are moved into their final array. An Array stack copied them out (a retain per
/// reference) and then released the originals on removal: ~0.15 M instructions of the shared
/// blueprints' parse. The owner calls `free()` once, also when parsing throws.
struct MoveStack<Element> {
    private var base: UnsafeMutablePointer<Element>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(1, capacity)
        base = .allocate(capacity: self.capacity)
    }

    mutating func push(_ element: Element) {
        if count == capacity { grow() }
        (base + count).initialize(to: element)
        count += 1
    }

    /// The element at `i` (< count), read in place.
    @inline(__always) func withElement<R>(_ i: Int, _ body: (borrowing Element) -> R) -> R { body(base[i]) }

    /// Elements `start..<count` moved, in order, into a new array; the stack shrinks to `start`.
    mutating func popArray(from start: Int) -> [Element] {
        let n = count - start
        guard n > 0 else { return [] }
        let out = [Element](unsafeUninitializedCapacity: n) { buffer, initialized in
            buffer.baseAddress!.moveInitialize(from: base + start, count: n)
            initialized = n
        }
        count = start
        return out
    }

    /// Deinitializes what is left and returns the memory; the stack is unusable afterwards.
    mutating func free() {
        base.deinitialize(count: count)
        base.deallocate()
        count = 0
        capacity = 0
    }

    private mutating func grow() {
        let bigger = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
        bigger.moveInitialize(from: base, count: count)
        base.deallocate()
        base = bigger
        capacity *= 2
    }
}
