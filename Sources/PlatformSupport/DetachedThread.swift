#if canImport(Glibc)
import Glibc
#endif

/// `Thread { … }.start()` on pthreads (Thread is in swift-corelibs-foundation: see Lock.swift for
/// why not): runs `body` once on a new detached thread. False when the thread could not be
/// created (then `body` never runs); Foundation's Thread trapped in that case.
public enum DetachedThread {
    @discardableResult
    public static func start(_ body: @escaping @Sendable () -> Void) -> Bool {
        let box = Unmanaged.passRetained(Box(body)).toOpaque()
        var thread = pthread_t()
        let rc = pthread_create(&thread, nil, { context in
            let box = Unmanaged<Box>.fromOpaque(context!).takeRetainedValue()
            box.body()
            return nil
        }, box)
        guard rc == 0 else {
            Unmanaged<Box>.fromOpaque(box).release()
            return false
        }
        pthread_detach(thread)
        return true
    }

    private final class Box {
        let body: @Sendable () -> Void
        init(_ body: @escaping @Sendable () -> Void) { self.body = body }
    }
}
