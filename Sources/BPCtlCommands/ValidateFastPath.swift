import ArgumentParser
import BlueprintKit
#if canImport(Glibc)
import Glibc
#endif

/// `bpctl validate` in CI is one fresh process per run, and ArgumentParser's reflection-based
/// parse of the whole command tree (generic metadata for every option of every subcommand, two
/// extra parses for completion-script requests, conformance scans) cost more than validating the
/// 24 shared blueprints' rules (docs/performance.md, "Start-up"). For the common shapes,
/// `validate [--format F] [--fail-on T] PATH…`, the command value is built here and run exactly as
/// ArgumentParser's would be; anything else (help, `--opt=value`, other or repeated options, `-`,
/// `--`, a path starting with "-") goes through ArgumentParser. BPCTL_NO_FAST_PATH=1 turns it off;
/// the tests compare both routes, and fail when ValidateCommand gains a property this file does
/// not set (reading an unset ArgumentParser property would trap).
enum ValidateFastPath {
    /// The properties `command(_:)` sets, by name; the test checks it against ValidateCommand.
    static let setProperties: Set<String> = ["paths", "format", "failOn", "ignore", "protocols", "schema", "color",
                                             "noRules", "noSchema", "formatAssert", "noFleet", "noConfig"]

    /// The validated command for an exact argument shape (arguments without the program name), or nil.
    static func command(_ arguments: [String]) -> ValidateRun? {
        guard getenv("BPCTL_NO_FAST_PATH") == nil, let command = built(arguments) else { return nil }
        // Anything validate() might refuse goes the slow way, so ArgumentParser reports it as it
        // always did.
        return command.passesQuickly() ? command : nil
    }

    /// The command for an exact argument shape, not yet validated.
    static func built(_ arguments: [String]) -> ValidateRun? {
        guard arguments.first == "validate" else { return nil }
        var paths: [String] = []
        var format: OutputFormat?
        var failOn: FailThreshold?
        var i = 1
        while i < arguments.count {
            let a = arguments[i]
            if a == "--format" || a == "--fail-on" {
                guard i + 1 < arguments.count, !arguments[i + 1].hasPrefix("-") else { return nil }
                let value = arguments[i + 1]
                if a == "--format" {
                    guard format == nil, let f = OutputFormat(argument: value) else { return nil }
                    format = f
                } else {
                    guard failOn == nil, let t = FailThreshold(argument: value) else { return nil }
                    failOn = t
                }
                i += 2
                continue
            }
            guard !a.isEmpty, !a.hasPrefix("-") else { return nil }
            paths.append(a)
            i += 1
        }
        // Every property, as ArgumentParser would set it from these arguments and the defaults
        // (ValidateRun has no defaults, so a new option cannot be forgotten here).
        return ValidateRun(paths: paths, format: format ?? .text, failOn: failOn ?? .error, ignore: [], protocols: nil,
                           schema: nil, color: .auto, noRules: false, noSchema: false, formatAssert: false, noFleet: false,
                           noConfig: false)
    }
}
