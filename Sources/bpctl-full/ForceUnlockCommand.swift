import Applier
import ArgumentParser
import BPCtlCommands

struct ForceUnlockCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "force-unlock",
        abstract: "Remove the lock a crashed bpctl run left beside a blueprint.",
        discussion: """
        The id is the one printed when the lock was reported; a lock with another id is left \
        alone. Only do this when no bpctl run on the analysis is active.

        Exit codes: 0 removed; 1 no such lock or another id; 2 usage error.
        """)

    @Argument(help: "The lock id.")
    var id: String

    @Argument(help: "The blueprint or its directory (default: the current directory).")
    var path = "."

    func run() throws {
        do {
            let holder = try ApplyLock.forceUnlock(id: id, directory: path)
            FileHandleOutput.stdout("Removed the lock \(holder.id) held by \(holder.who)@\(holder.host) for \"\(holder.operation)\" since \(holder.created).\n")
        } catch let error as ApplyError {
            FileHandleOutput.stderr("bpctl: \(error)\n")
            throw ExitCode(1)
        }
    }
}
