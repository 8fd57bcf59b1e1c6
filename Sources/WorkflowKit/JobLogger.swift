import Foundation

/// Runs the analysis script for `log-command` / `log-command-local`: its stdout and stderr go to
/// `<logdir>/log.txt` and are echoed to the console as they come; every `interval` seconds (and
/// once at the end) the status record and the log are published through `publish`. Returns the
/// script's exit status, so a failed analysis is a failed command.
public struct JobLogger: Sendable {
    public let command: String
    public let logDirectory: String
    /// Dataset input recorded in the status ("group/inputs/file").
    public let input: String
    public let interval: Double
    /// Receives (status JSON, log text) on every update and at the end.
    let publish: @Sendable (String, String) async -> Void
    /// Told when the analysis fails, with its last lines (the CLI prints it on stderr).
    let failureReport: @Sendable (String) -> Void

    public init(command: String, logDirectory: String, input: String, interval: Double = 5,
                failureReport: @escaping @Sendable (String) -> Void = { _ in },
                publish: @escaping @Sendable (String, String) async -> Void) {
        self.command = command
        self.logDirectory = logDirectory
        self.input = input
        self.interval = interval
        self.failureReport = failureReport
        self.publish = publish
    }

    public var logFile: String { (logDirectory as NSString).appendingPathComponent("log.txt") }

    public func run(echo: @escaping @Sendable (Data) -> Void) async throws -> Int32 {
        try FileManager.default.createDirectory(atPath: logDirectory, withIntermediateDirectories: true)
        guard FileManager.default.createFile(atPath: logFile, contents: nil),
              let out = FileHandle(forWritingAtPath: logFile) else { throw WorkflowError("cannot write \(logFile)") }
        let process = Process()
        // A bare path runs directly (the historical form); anything with arguments goes through sh.
        if command.contains(" ") {
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", command]
        } else {
            process.executableURL = URL(fileURLWithPath: command)
        }
        process.standardOutput = out
        process.standardError = out
        let started = Self.timestamp()
        do { try process.run() } catch {
            try? out.close()
            throw WorkflowError("cannot run \(command): \(error.localizedDescription)",
                                hint: "give the path of an executable script (chmod +x), or 'bash path/to/script.sh'")
        }
        var shown = 0
        var lastPublish = Date.distantPast
        while process.isRunning {
            shown = showNew(from: shown, echo)
            if Date().timeIntervalSince(lastPublish) >= interval {
                await publish(status("IN PROGRESS", reason: nil, started: started, finished: nil), log())
                lastPublish = Date()
            }
            try await Task.sleep(nanoseconds: 200_000_000)
        }
        try? out.close()
        _ = showNew(from: shown, echo)
        let code = process.terminationStatus
        if code != 0 {
            let tail = log().split(separator: "\n").suffix(10).joined(separator: "\n")
            failureReport("the analysis failed with exit code \(code); its last lines:\n\(tail)")
        }
        await publish(status(code == 0 ? "SUCCESS" : "FAILED", reason: code == 0 ? nil : "exit code \(code)",
                             started: started, finished: Self.timestamp()), log())
        return code
    }

    private func showNew(from offset: Int, _ echo: (Data) -> Void) -> Int {
        guard let h = FileHandle(forReadingAtPath: logFile) else { return offset }
        defer { try? h.close() }
        try? h.seek(toOffset: UInt64(offset))
        let data = h.readDataToEndOfFile()
        if !data.isEmpty { echo(data) }
        return offset + data.count
    }

    func log() -> String { (try? String(contentsOfFile: logFile, encoding: .utf8)) ?? "" }

    /// The status record, keys in neurocaas-contrib's order; `std` holds the log by line.
    func status(_ state: String, reason: String?, started: String, finished: String?) -> String {
        let lines = log().split(separator: "\n", omittingEmptySubsequences: false).map { String($0) + "\n" }
        let std = "{" + lines.enumerated().map { "\(quote(String($0.offset))): \(quote($0.element))" }.joined(separator: ", ") + "}"
        let fields: [(String, String)] = [
            ("instance", quote(ProcessInfo.processInfo.environment["BPCTL_INSTANCE_ID"] ?? ProcessInfo.processInfo.hostName)),
            ("command", quote(command)), ("input", quote(input)), ("status", quote(state)),
            ("reason", reason.map(quote) ?? "null"),
            ("memory_usage", quote(SystemUsage.memoryInUseMB().map { "\($0) MB" } ?? "N/A")),
            ("cpu_usage", quote(SystemUsage.loadPercent().map { String(format: "%.1f %%", $0) } ?? "N/A")),
            ("job_start", quote(started)),
            ("job_finish", quote(finished ?? "N/A")), ("std", std),
        ]
        return "{\n" + fields.map { "    \(quote($0.0)): \($0.1)" }.joined(separator: ",\n") + "\n}"
    }

    static func timestamp() -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'"
        return f.string(from: Date())
    }
}

/// Machine usage for the status record, from /proc (Linux instances). The Python tool reported
/// total RAM as "usage" (a bug); this is memory in use.
enum SystemUsage {
    static func memoryInUseMB() -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8) else { return nil }
        func kb(_ key: String) -> Int? {
            text.split(separator: "\n").first { $0.hasPrefix(key + ":") }
                .flatMap { Int($0.split(separator: " ").dropFirst().first ?? "") }
        }
        guard let total = kb("MemTotal"), let available = kb("MemAvailable") else { return nil }
        return (total - available) / 1024
    }

    /// One-minute load average as a share of the cores (100 % = all cores busy).
    static func loadPercent() -> Double? {
        guard let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8),
              let load = Double(text.split(separator: " ").first ?? "") else { return nil }
        return load / Double(max(1, ProcessInfo.processInfo.activeProcessorCount)) * 100
    }
}
