import Foundation

/// `.bpctl/` beside a blueprint: the lock and the journal of the analysis it describes.
enum StateDirectory {
    static func url(forBlueprint blueprint: String) -> URL {
        URL(fileURLWithPath: blueprint).standardizedFileURL.deletingLastPathComponent().appendingPathComponent(".bpctl")
    }

    static func ensure(forBlueprint blueprint: String) throws -> URL {
        let dir = url(forBlueprint: blueprint)
        do {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        } catch {
            throw ApplyError("cannot create \(dir.path): \(error.localizedDescription)")
        }
        return dir
    }

    /// "2026-11-25T16:20:00Z": the time format of locks, journals and tags.
    static func timestamp(_ date: Date = Date()) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: date)
    }
}

/// An apply-side failure, as one sentence and an optional hint; never a stack trace.
public struct ApplyError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public let hint: String?
    public init(_ message: String, hint: String? = nil) {
        self.message = message
        self.hint = hint
    }
    public var description: String { hint.map { "\(message)\n  hint: \($0)" } ?? message }
}
