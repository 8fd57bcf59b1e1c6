import ArgumentParser
import BPCtlCommands
import Foundation
import Planner

struct ShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Render a saved plan and say whether it is still current.",
        discussion: """
        Unless --offline, the plan is checked against the present: the blueprint's sha256, git \
        HEAD, and every live fact the plan read (read again with the plan's own requests). A \
        stale plan names exactly what moved.

        Exit codes: 0 the plan is current (or --offline); 1 stale, or AWS could not be read; \
        2 usage error or a file that is not a plan.
        """)

    @Argument(help: "A plan file written by 'bpctl plan -out'.")
    var file: String

    @Flag(help: "Print the plan document as JSON (the staleness verdict goes to stderr).")
    var json = false

    @Flag(help: "Do not check whether the plan is still current.")
    var offline = false

    @Option(help: "Colour: auto (a terminal without NO_COLOR), always or never.")
    var color: ColorChoice = .auto

    @Option(help: "Named profile from ~/.aws/config and ~/.aws/credentials.")
    var profile: String?

    func run() async throws {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw ValidationError("cannot read \(file): no such file or not readable")
        }
        let plan: Plan
        do { plan = try Plan.decode(data) } catch { throw ValidationError("\(file) is not a bpctl plan file (\(error.localizedDescription))") }
        FileHandleOutput.stdout(json ? plan.json() : PlanTextRenderer(color: Terminal.color(color)).render(plan))
        if offline { return }
        let history = try? GitHistory(containing: plan.blueprint.path)
        let live = plan.live.map { AWSLiveReader(client: PlanSupport.client(profile: profile, region: $0.request.region)) }
        let reasons: [StaleReason]
        do { reasons = try await Staleness.check(plan, history: history, live: live) } catch { throw PlanSupport.fail(error.description) }
        let verdict = reasons.isEmpty ? "This plan is current.\n"
            : "This plan is stale:\n" + reasons.map { "  - \($0)\n" }.joined() + "Run 'bpctl plan' again.\n"
        if json { FileHandleOutput.stderr(verdict) } else { FileHandleOutput.stdout("\n" + verdict) }
        if !reasons.isEmpty { throw ExitCode(1) }
    }
}
