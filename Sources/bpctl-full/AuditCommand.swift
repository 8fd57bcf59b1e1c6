import ArgumentParser
import Audit
import AWSClient
import BPCtlCommands
import BlueprintKit
import Foundation

/// `bpctl audit`: reports that join blueprint intent with account state.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Audit who should have access and who has it.",
        subcommands: [AuditAffiliatesCommand.self])
}

enum AuditFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, csv, markdown, sarif
}

extension AuditGrouping: ExpressibleByArgument {}

struct AuditAffiliatesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "affiliates",
        abstract: "Users × pipelines × affiliates from the blueprints; with --live, against IAM.",
        discussion: """
        PATH is a blueprint file or a directory searched recursively for \
        stack_config_template.json/.yaml/.yml; no PATH means the current directory. Each user is \
        the IAM user <UserName><REGION>; each affiliate is the IAM group its STAGE names \
        (develop <aff>group, webdev <aff><pipeid>group, websubstack <aff><pipeid>substackgroup).

        Offline findings (BP301-BP307): group limit, duplicate users, affiliates without users, \
        contact e-mails, IAM name problems. --live adds BP310-BP317 from IAM: missing users and \
        groups, undeclared group members, second access paths, policy drift, unused or old keys, \
        console users without MFA. 'bpctl audit affiliates --list' describes every finding.

        Exit codes:
          0  no finding at or above --fail-on
          1  findings at or above --fail-on, or AWS refused or could not be reached
          2  usage error, or a blueprint that could not be read or parsed
        """)

    @Argument(help: "Blueprint files or directories.")
    var paths: [String] = []

    @Flag(help: "Also read IAM (users, groups, memberships, inline policies, the credential report).")
    var live = false

    @Option(help: "Group the table by user or pipeline.")
    var by: AuditGrouping = .user

    @Option(help: "Output format: text, json, csv, markdown or sarif.")
    var format: AuditFormat = .text

    @Option(help: "Lowest severity that makes the exit code 1: error, warning, info or never.")
    var failOn: FailThreshold = .error

    @Option(help: ArgumentHelp("With --live: report active access keys older than this many days.", valueName: "days"))
    var maxKeyAge: Int?

    @Option(help: "With --live: named profile from ~/.aws/config and ~/.aws/credentials.")
    var profile: String?

    @Option(help: "With --live: AWS region for the client (IAM itself is global).")
    var region: String?

    @Flag(help: "List the finding kinds and exit.")
    var list = false

    func validate() throws {
        if let d = maxKeyAge, d < 1 { throw ValidationError("--max-key-age must be a whole number of days, 1 or more") }
        if !live && (profile != nil || region != nil || maxKeyAge != nil) {
            throw ValidationError("--profile, --region and --max-key-age need --live")
        }
    }

    func run() async throws {
        if list {
            FileHandleOutput.stdout(FindingCatalog.descriptions.map { "\($0.id)  \($0.name)  \($0.severity.rawValue)\($0.live ? "  (--live)" : "")\n    \($0.summary)\n" }.joined())
            return
        }
        let files: [String]
        do { files = try FileDiscovery.blueprints(in: paths) } catch { throw ValidationError(error.message) }
        let (model, unreadable) = Auditor.load(files: files)
        for u in unreadable {
            FileHandleOutput.stderr("bpctl: \(u.position.description): \(u.message)\(u.hint.map { "\n  hint: \($0)" } ?? "")\n")
        }
        let options = AuditOptions(maxKeyAge: maxKeyAge)
        var snapshot: IAMSnapshot?
        if live {
            // IAM is global; the region only picks the signing scope and STS-style defaults.
            try await AWSCommand.run(profile: profile, region: region, fallbackRegion: "us-east-1") { client in
                snapshot = try await LiveIAMReader(client: client).read(for: model)
            }
        }
        let report = Auditor.audit(model, iam: snapshot, options: options)
        switch format {
        case .text: FileHandleOutput.stdout(AuditTextRenderer(color: Terminal.colorOnStdout, grouping: by).render(report))
        case .json: FileHandleOutput.stdout(AuditJSONRenderer.render(report, toolVersion: BPCtlVersion.current))
        case .csv: FileHandleOutput.stdout(AuditCSVRenderer.render(report))
        case .markdown: FileHandleOutput.stdout(AuditMarkdownRenderer(grouping: by).render(report))
        case .sarif: FileHandleOutput.stdout(AuditSARIFRenderer.render(report, toolVersion: BPCtlVersion.current))
        }
        if !unreadable.isEmpty { throw ExitCode(ExitStatus.usage) }
        let code = report.exitCode(failOn: failOn)
        if code != 0 { throw ExitCode(code) }
    }
}
