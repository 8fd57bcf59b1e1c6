import Foundation

/// Ctrl-C during an apply: the first one lets the current step finish, journals it and stops
/// cleanly; the second exits at once (the journal still says what was done).
public final class InterruptFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    private var source: DispatchSourceSignal?

    public init() {}

    public var isSet: Bool { lock.withLock { count > 0 } }

    public func install(notice: @escaping @Sendable (String) -> Void) {
        signal(SIGINT, SIG_IGN)
        let s = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        s.setEventHandler { [weak self] in
            guard let self else { return }
            let n = self.lock.withLock { self.count += 1; return self.count }
            if n == 1 {
                notice("Interrupt received: finishing the current step, then stopping (Ctrl-C again to stop at once).")
            } else {
                notice("Stopped at once; `bpctl apply --resume` continues from the journal.")
                exit(130)
            }
        }
        s.resume()
        source = s
    }
}
