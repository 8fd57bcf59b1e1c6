import ArgumentParser
import BlueprintKit
#if canImport(Glibc)
import Glibc
#endif

/// What both `bpctl` binaries run, each with its own root command (the front's knows only the
/// commands it answers; `bpctl-full`'s all of them, both named "bpctl"): like
/// ParsableCommand.main(), but usage errors exit 2 (the documented code) instead of
/// argument-parser's 64, a mistyped subcommand gets "did you mean", and a usage error found while
/// running shows the subcommand's usage, not the root's.
public enum BPCtlEntry {
    public static func main<Root: ParsableCommand>(_ root: Root.Type) async {
        guard let command = start(root) else { return }
        await run(command, root: root)
    }

    /// Everything before a command's `run`: `--version` and the validate fast path are answered
    /// here (nil: nothing left to do), anything else is parsed (a usage error exits).
    public static func start<Root: ParsableCommand>(_ root: Root.Type) -> ParsableCommand? {
        // `--version` alone skips ArgumentParser's reflection (most of its start-up cost), and
        // reads argv directly: building CommandLine.arguments is itself a tenth of the rest.
        if CommandLine.argc == 2, let first = CommandLine.unsafeArgv[1], strcmp(first, "--version") == 0 {
            print(BPCtlVersion.current)
            return nil
        }
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let validate = ValidateFastPath.command(arguments) {
            // Synchronous, and its type is known: no dynamic cast (a conformance scan) either.
            do { try validate.run() } catch { fail(error, in: ValidateCommand.self, root: root) }
            return nil
        }
        do {
            return try Root.parseAsRoot(arguments)
        } catch {
            if let unknown = unknownSubcommand(arguments, root: root) {
                FileHandleOutput.stderr("Error: unknown command '\(unknown)'\(Suggest.phrase(for: unknown, in: names(root)))\n"
                                        + "Usage: bpctl <subcommand>; see 'bpctl --help' for the list.\n")
                exit(ExitStatus.usage)
            }
            fail(error, in: nil, root: root)
        }
    }

    public static func run<Root: ParsableCommand>(_ command: ParsableCommand, root: Root.Type) async {
        guard !runIfSynchronous(command, root: root), var asyncCommand = command as? AsyncParsableCommand else { return }
        do {
            try await asyncCommand.run()
        } catch {
            fail(error, in: type(of: command), root: root)
        }
    }

    /// Runs a synchronous command on the calling thread; false (nothing done) for an async one.
    public static func runIfSynchronous<Root: ParsableCommand>(_ command: ParsableCommand, root: Root.Type) -> Bool {
        if command is AsyncParsableCommand { return false }
        do {
            var command = command
            try command.run()
        } catch {
            fail(error, in: type(of: command), root: root)
        }
        return true
    }

    private static func fail<Root: ParsableCommand>(_ error: Error, in subcommand: ParsableCommand.Type?, root: Root.Type) -> Never {
        guard Root.exitCode(for: error) == .validationFailure else { Root.exit(withError: error) }
        var message = Root.fullMessage(for: error)
        if let subcommand, subcommand != Root.self {
            // Thrown by run(): argument-parser would show the root's usage.
            message = "Error: " + Root.message(for: error) + "\n" + Root.usageString(for: subcommand)
                + "\n  See 'bpctl \(subcommand._commandName) --help' for more information."
        }
        FileHandleOutput.stderr(message.hasSuffix("\n") ? message : message + "\n")
        exit(ExitStatus.usage)
    }

    /// The subcommand names, and "help".
    private static func names<Root: ParsableCommand>(_ root: Root.Type) -> [String] {
        Root.configuration.subcommands.map { $0._commandName } + ["help"]
    }

    /// The first argument when it is not an option and names no subcommand.
    private static func unknownSubcommand<Root: ParsableCommand>(_ arguments: [String], root: Root.Type) -> String? {
        guard let first = arguments.first, !first.hasPrefix("-") else { return nil }
        return names(root).contains(first) ? nil : first
    }
}

public enum BPCtlVersion {
    public static let current = "0.1.0"
}
