import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import PlatformSupport
#if canImport(Glibc)
import Glibc
#endif

/// Text to standard output and standard error, written whole with write(2); the name is from
/// when it used FileHandle, which would link swift-corelibs-foundation into the front.
public enum FileHandleOutput {
    public static func stdout(_ s: String) {
        DescriptorIO.write(STDOUT_FILENO, s)
    }

    public static func stderr(_ s: String) {
        DescriptorIO.write(STDERR_FILENO, s)
    }
}

/// `--color`.
public enum ColorChoice: String, ExpressibleByArgument, CaseIterable, Sendable {
    case auto, always, never
}

public enum Terminal {
    /// `--color auto` (for commands without a --color flag: plan, show, diff, apply).
    public static var colorOnStdout: Bool { color(.auto) }

    /// `--color always|never` decide; with auto, FORCE_COLOR or CLICOLOR_FORCE (set and not "0")
    /// force colour for CI logs, NO_COLOR (https://no-color.org) and TERM=dumb turn it off, and
    /// otherwise colour only when stdout is a terminal.
    public static func color(_ choice: ColorChoice, environment: [String: String] = ProcessInfo.processInfo.environment,
                             isTerminal: Bool = isatty(STDOUT_FILENO) == 1) -> Bool {
        switch choice {
        case .always: return true
        case .never: return false
        case .auto:
            func set(_ name: String) -> Bool { environment[name].map { !$0.isEmpty && $0 != "0" } ?? false }
            if set("FORCE_COLOR") || set("CLICOLOR_FORCE") { return true }
            if let v = environment["NO_COLOR"], !v.isEmpty { return false }
            if environment["TERM"] == "dumb" { return false }
            return isTerminal
        }
    }
}
