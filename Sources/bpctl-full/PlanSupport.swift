import AWSClient
import ArgumentParser
import BPCtlCommands
import Foundation
import Planner
#if canImport(Glibc)
import Glibc
#endif

/// Shared by plan, show and diff: the AWS client for a region, price sources, progress on
/// stderr, atomic plan files.
enum PlanSupport {
    enum PricingChoice: String, ExpressibleByArgument, CaseIterable { case table, live }

    static func client(profile: String?, region: String) -> AWSClient {
        AWSClient(environment: .process, profile: profile, region: region)
    }

    static func prices(_ choice: PricingChoice, profile: String?) -> PriceSource {
        switch choice {
        case .table: return TablePrices()
        case .live: return LivePrices(client: client(profile: profile, region: "us-east-1"))
        }
    }

    /// One sentence on stderr, exit 1.
    static func fail(_ message: String) -> ExitCode {
        FileHandleOutput.stderr("bpctl: \(message)\n")
        return ExitCode(1)
    }

}

/// Progress while reading live state: a counter redrawn in place on a terminal, one line per
/// phase otherwise (CI logs).
final class StderrProgress: ProgressSink, @unchecked Sendable {
    private let lock = NSLock()
    private let tty = isatty(STDERR_FILENO) == 1
    private var phase = "", total = 0, done = 0

    func begin(_ phase: String, total: Int) {
        lock.withLock {
            self.phase = phase
            self.total = total
            done = 0
            if tty { draw() } else { FileHandleOutput.stderr("reading \(phase) (\(total) call\(total == 1 ? "" : "s"))\n") }
        }
    }

    func advance() {
        lock.withLock {
            done += 1
            if tty { draw() }
        }
    }

    func finish() {
        lock.withLock { if tty { FileHandleOutput.stderr("\r\u{1B}[K") } }
    }

    private func draw() { FileHandleOutput.stderr("\r\u{1B}[Kreading \(phase): \(done)/\(total)") }
}
