#if canImport(Glibc)
import Glibc
#endif

/// A mutex with NSLock's `lock`/`unlock`/`withLock`, on pthreads: NSLock lives in
/// swift-corelibs-foundation, whose presence alone costs every process ~1 ms of start-up
/// (docs/performance.md, "Start-up"), so the targets linked into the fronts use this instead.
public final class Lock: @unchecked Sendable {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>

    public init() {
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    public func lock() { pthread_mutex_lock(mutex) }
    public func unlock() { pthread_mutex_unlock(mutex) }

    public func withLock<T>(_ body: () throws -> T) rethrows -> T {
        lock()
        defer { unlock() }
        return try body()
    }
}
