import ArgumentParser
import BPCtlCommands
import BlueprintKit
import Foundation
import GitKit
import Planner

struct DiffCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two blueprints offline, rendered like a plan.",
        discussion: """
        A and B are files or REV:path read from git (path from the repository root, or ./path \
        from the current directory), e.g. \
        bpctl diff HEAD~1:stacks/x/stack_config_template.json stacks/x/stack_config_template.json. \
        --format github writes annotations on B's changed lines for pull requests.

        Exit codes: 0 success; 2 usage error, or A or B could not be read or parsed.
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, github }

    @Argument(help: "The old blueprint: a file or REV:path.")
    var old: String

    @Argument(help: "The new blueprint: a file or REV:path.")
    var new: String

    @Option(help: "Output format: text, json or github.")
    var format: Format = .text

    @Option(help: "Prices for the cost per job: table (committed, offline) or live (AWS Price List API).")
    var pricing: PlanSupport.PricingChoice = .table

    @Option(help: "Colour: auto (a terminal without NO_COLOR), always or never.")
    var color: ColorChoice = .auto

    @Option(help: "Named profile (for --pricing live).")
    var profile: String?

    func run() async throws {
        let a = try BlueprintSource.read(old), b = try BlueprintSource.read(new)
        let plan: Plan
        do {
            plan = try await Planner.diff(old: (old, a.bytes), new: (new, b.bytes),
                                          options: .init(bpctlVersion: BPCtlVersion.current, prices: PlanSupport.prices(pricing, profile: profile)))
        } catch {
            if case .aws = error { throw PlanSupport.fail(error.description) }
            throw ValidationError(error.description)
        }
        switch format {
        case .text: FileHandleOutput.stdout(PlanTextRenderer(color: Terminal.color(color)).render(plan))
        case .json: FileHandleOutput.stdout(plan.json())
        case .github:
            let doc = try? Document.parse(path: b.file, bytes: b.bytes).get()
            FileHandleOutput.stdout(PlanGitHubRenderer.render(plan, document: doc, file: b.file))
        }
    }
}

/// A blueprint argument: a file on disk, or REV:path read through libgit2.
enum BlueprintSource {
    static func read(_ argument: String) throws -> (bytes: [UInt8], file: String) {
        if let data = FileManager.default.contents(atPath: argument) { return ([UInt8](data), argument) }
        guard let colon = argument.firstIndex(of: ":"), colon != argument.startIndex else {
            throw ValidationError("cannot read \(argument): no such file (for a git revision write REV:path, e.g. HEAD~1:\(argument))")
        }
        let rev = String(argument[..<colon])
        var path = String(argument[argument.index(after: colon)...])
        do {
            guard let repo = try GitRepository.discover(containing: FileManager.default.currentDirectoryPath) else {
                throw ValidationError("\(argument): not inside a git repository, so \(rev) cannot be read")
            }
            if path.hasPrefix("./") || path.hasPrefix("../") { path = repo.relativePath(path) ?? path }
            return ([UInt8](try repo.fileContents(at: rev, path: path)), path)
        } catch let e as GitError {
            throw ValidationError("\(argument): \(e.message)" + (e.hint.map { " (\($0))" } ?? ""))
        }
    }
}
