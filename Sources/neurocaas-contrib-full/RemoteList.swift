import ArgumentParser
import DevInstances

struct RemoteList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list-instances", abstract: "The pool (* = selected).")
    @OptionGroup var remote: RemoteOptions

    func run() async throws {
        try await RemoteRun.session(remote) { s in
            let rows = s.rows()
            if rows.isEmpty { Runner.notice("no dev instances for this analysis: launch one with launch-devinstance") }
            else { Runner.print(String(DevRender.pool(rows).dropLast())) }
        }
    }
}
