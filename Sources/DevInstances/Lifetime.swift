import AWSClient
import Foundation

/// Lifetime = LaunchTime (reset by EC2 on every start) + the `Timeout` tag in minutes. NeuroCAAS's
/// account monitoring stops instances past it; the CLI never stops them itself.
public struct Lifetime: Sendable, Equatable {
    public let on: TimeInterval
    public let timeoutMinutes: Int
    public let left: TimeInterval

    public init(on: TimeInterval, timeoutMinutes: Int, left: TimeInterval) {
        self.on = on
        self.timeoutMinutes = timeoutMinutes
        self.left = left
    }

    static func minutesSeconds(_ t: TimeInterval) -> (Int, Int) { let s = Int(abs(t).rounded(.down)); return (s / 60, s % 60) }

    public var leftText: String {
        let (m, s) = Self.minutesSeconds(left)
        return left >= 0 ? "\(m)m\(s)s" : "overdue \(m)m\(s)s"
    }

    /// The Python tool's sentence, and a plain one when the timeout has passed.
    public var sentence: String {
        let (om, os) = Self.minutesSeconds(on), (lm, ls) = Self.minutesSeconds(left)
        let head = "Instance has been on for \(om) minutes and \(os) seconds."
        if left >= 0 { return head + " Will be stopped in \(lm) minutes and \(ls) seconds with the current timeout." }
        return head + " Its timeout (\(timeoutMinutes) minutes) passed \(lm) minutes and \(ls) seconds ago: it may be stopped at any time (extend-lifetime -m MINUTES)."
    }
}

extension DevSession {
    /// nil unless the instance is running and has a numeric Timeout tag.
    public func lifetime(_ i: EC2.DevInstance) -> Lifetime? {
        guard i.state == "running", let launched = i.launchTime, let t = i.tags["Timeout"].flatMap(Int.init) else { return nil }
        let on = options.now().timeIntervalSince(launched)
        return Lifetime(on: on, timeoutMinutes: t, left: Double(t) * 60 - on)
    }

    public func selectedLifetime() throws -> Lifetime {
        let (_, i) = try selected()
        try require(i, in: ["running"], to: "report the lifetime", hint: "start it with start-devinstance")
        guard let l = lifetime(i) else {
            throw DevError(.refused, "instance \(i.id) has no numeric Timeout tag: not a dev instance launched by NeuroCAAS tools",
                           hint: "tag it: aws ec2 create-tags --resources \(i.id) --tags Key=Timeout,Value=60")
        }
        return l
    }

    /// Raise Timeout by `minutes` on the instance and its volumes (one CreateTags); returns the new value.
    public func extendLifetime(minutes: Int) async throws -> Int {
        guard minutes > 0 else { throw DevError(.usage, "-m/--minutes must be a positive number of minutes") }
        let (_, i) = try selected()
        guard let old = i.tags["Timeout"].flatMap(Int.init) else {
            throw DevError(.refused, "instance \(i.id) has no numeric Timeout tag", hint: "tag it with Timeout=MINUTES first")
        }
        try await ec2.createTags(resources: [i.id] + i.volumeIDs, tags: ["Timeout": String(old + minutes)])
        return old + minutes
    }
}
