/// Findings for every file, with the counts and exit code the CLI needs.
public struct ValidationReport: Sendable {
    public let files: [FileResult]

    public init(files: [FileResult]) {
        self.files = files
    }

    public var all: [Diagnostic] { files.flatMap(\.diagnostics) }
    public func count(_ severity: Severity) -> Int {
        var n = 0
        for file in files {
            for d in file.diagnostics where d.severity == severity { n += 1 }
            if !file.omitted.isEmpty { n += file.omitted[severity] ?? 0 } // nearly always empty: no hashing
        }
        return n
    }
    public var errors: Int { count(.error) }
    public var warnings: Int { count(.warning) }
    public var infos: Int { count(.info) }
    public var suppressed: Int { files.reduce(0) { $0 + $1.suppressed } }
    public var unreadable: Int { files.filter { !$0.parsed }.count }
    /// Inputs validated (blueprints or --no-rules instances), not the .bpctl.yaml files read.
    public var checkedFiles: Int { files.filter { !$0.isConfig }.count }
    /// A .bpctl.yaml that cannot be read or has the wrong shape: a usage error, whatever --fail-on says.
    public var configProblems: Int { files.filter { $0.isConfig && $0.diagnostics.contains { $0.severity == .error } }.count }

    /// 2 when an input or a .bpctl.yaml could not be read, parsed or understood, 1 when a finding
    /// reaches the threshold, else 0.
    public func exitCode(failOn threshold: FailThreshold) -> Int32 {
        if unreadable > 0 || configProblems > 0 { return ExitStatus.usage }
        guard let minimum = threshold.severity else { return ExitStatus.ok }
        return Severity.allCases.contains { $0 >= minimum && count($0) > 0 } ? ExitStatus.findings : ExitStatus.ok
    }
}

/// `--fail-on`.
public enum FailThreshold: String, Sendable, CaseIterable {
    case error, warning, info, never

    public var severity: Severity? {
        switch self {
        case .error: return .error
        case .warning: return .warning
        case .info: return .info
        case .never: return nil
        }
    }
}

/// Documented exit codes (README, `--help`).
public enum ExitStatus {
    public static let ok: Int32 = 0
    /// Findings at or above --fail-on.
    public static let findings: Int32 = 1
    /// Usage error, or an input that could not be read or parsed.
    public static let usage: Int32 = 2
}
