import Dispatch

/// `(0..<count).map(body)` on all cores. Each slot is written by exactly one iteration, into
/// manually allocated storage (an Array's copy-on-write check is not safe across threads).
public enum ConcurrentMap {
    public static func run<T>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
        if count <= 1 { return (0..<count).map(body) }
        let slots = Slots<T>(count)
        DispatchQueue.concurrentPerform(iterations: count) { i in slots.set(i, body(i)) }
        return slots.collect()
    }

    private final class Slots<T>: @unchecked Sendable {
        let base: UnsafeMutablePointer<T?>
        let count: Int
        init(_ count: Int) {
            self.count = count
            base = .allocate(capacity: count)
            base.initialize(repeating: nil, count: count)
        }
        func set(_ i: Int, _ v: T) { base[i] = v }
        func collect() -> [T] { (0..<count).map { base[$0]! } }
        deinit {
            base.deinitialize(count: count)
            base.deallocate()
        }
    }
}
