#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

#if canImport(Glibc)
/// glibc's pthread_getattr_np, which the Glibc module hides behind _GNU_SOURCE.
@_silgen_name("pthread_getattr_np")
private func getThreadAttributes(_ thread: pthread_t, _ attr: UnsafeMutablePointer<pthread_attr_t>) -> Int32
#endif

/// How much stack the current thread has left. Recursive walks (schema evaluation, nested
/// documents) check it once they are deep, so a hostile input ends with a message instead of
/// a segmentation fault whatever the thread's stack size (worker threads get less than main).
struct StackGuard {
    /// Stop while this many bytes are still free: enough for the error path and the renderers.
    static let reserve = 256 * 1024
    private var low: UInt = 0

    /// True when less than `reserve` bytes of stack remain below the caller's frame.
    mutating func isLow() -> Bool {
        if low == 0 { low = Self.stackLowAddress() }
        var marker: UInt8 = 0
        let here = withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
        return here < low &+ UInt(Self.reserve)
    }

    /// The lowest usable address of this thread's stack (it grows down on every platform we run on).
    private static func stackLowAddress() -> UInt {
        #if canImport(Glibc)
        var attr = pthread_attr_t()
        guard getThreadAttributes(pthread_self(), &attr) == 0 else { return 1 }
        defer { pthread_attr_destroy(&attr) }
        var base: UnsafeMutableRawPointer?
        var size = 0
        guard pthread_attr_getstack(&attr, &base, &size) == 0, let base else { return 1 }
        return UInt(bitPattern: base)
        #else
        let top = UInt(bitPattern: pthread_get_stackaddr_np(pthread_self()))
        return top - UInt(pthread_get_stacksize_np(pthread_self()))
        #endif
    }
}
