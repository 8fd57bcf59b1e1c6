import Foundation

/// `monitor job --follow` / `poll-analysis`: poll a job until an end marker appears. Both markers
/// count: the workflow's cleanup writes update.txt (the Python poller waited for end.txt only,
/// so CLI-workflow jobs always timed out), FigLambda writes end.txt.
public enum JobFollower {
    public enum Outcome: Sendable, Equatable {
        case ended(marker: String)
        case timedOut
    }

    public static func follow(_ reader: MonitorReader, job path: String, interval: Double, timeout: Double,
                              onPoll: (JobSummary) async throws -> Void) async throws -> (Outcome, JobSummary) {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let summary = try await reader.job(path)
            try await onPoll(summary)
            if let marker = summary.endMarker { return (.ended(marker: marker), summary) }
            if Date().addingTimeInterval(interval) > deadline { return (.timedOut, summary) }
            try await Task.sleep(nanoseconds: UInt64(max(0.05, interval) * 1_000_000_000))
        }
    }
}
