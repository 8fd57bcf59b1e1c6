import Foundation

/// Instances running over time, per group: a step function from the instance records.
public struct Parallelism: Sendable {
    public struct Step: Sendable, Equatable {
        public let time: Date
        public let running: Int
    }

    public let series: [String: [Step]]
    public let start: Date
    public let end: Date

    /// Instances without an end are counted as running until `now`.
    public init(records: [InstanceRecord], now: Date = Date()) {
        var series: [String: [Step]] = [:]
        var lo = Date.distantFuture, hi = Date.distantPast
        for (group, rs) in Dictionary(grouping: records.filter { $0.start != nil }, by: \.group) {
            var events: [(Date, Int)] = []
            for r in rs {
                let s = r.start!, e = max(r.end ?? now, s)
                events.append((s, 1))
                events.append((e, -1))
                lo = min(lo, s)
                hi = max(hi, e)
            }
            // Ends before starts at the same instant: back-to-back instances do not overlap.
            events.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
            var running = 0
            var steps: [Step] = []
            for (t, d) in events {
                running += d
                if let last = steps.last, last.time == t { steps[steps.count - 1] = Step(time: t, running: running) }
                else { steps.append(Step(time: t, running: running)) }
            }
            series[group] = steps
        }
        self.series = series
        start = lo == .distantFuture ? now : lo
        end = hi == .distantPast ? now : hi
    }

    public func peak(_ group: String) -> Int { series[group]?.map(\.running).max() ?? 0 }

    /// Instances of `group` running at time t.
    public func running(_ group: String, at t: Date) -> Int {
        series[group]?.last(where: { $0.time <= t })?.running ?? 0
    }
}
