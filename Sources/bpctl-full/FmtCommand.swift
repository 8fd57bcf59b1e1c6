import ArgumentParser
import BPCtlCommands
import BlueprintKit

struct FmtCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fmt",
        abstract: "Rewrite blueprints in the canonical layout.",
        discussion: """
        JSON: the template's key order (PipelineName, REGION, STAGE, Lambda, UXData; AMI, \
        INSTANCE_TYPE, … in LambdaConfig), 4-space indentation as json.dump(indent=4) writes, one \
        trailing newline. YAML: the same order in 2-space block style, quoting only where needed. \
        The meaning never changes: each result is re-parsed and compared with the input. YAML \
        files with comments are left alone (the comments would be lost). Files are replaced \
        atomically.

        PATH is a blueprint or a directory searched for stack_config_template.json/.yaml/.yml; \
        no PATH means the current directory.

        Exit codes:
          0  every file is formatted (or was rewritten)
          1  --check: some files are not formatted (a unified diff is printed)
          2  usage error, or a file that could not be read, parsed or written
        """)

    @Argument(help: "Blueprint files or directories.")
    var paths: [String] = []

    @Flag(help: "Change nothing; print a unified diff and exit 1 if any file is not formatted.")
    var check = false

    @Flag(help: "Print a unified diff of each change.")
    var diff = false

    func run() throws {
        let results: [FormatRun.FileResult]
        do {
            results = try FormatRun.run(paths: paths, write: !check)
        } catch {
            FileHandleOutput.stderr("error: \(error.message)\n")
            throw ExitCode(ExitStatus.usage)
        }
        let report = FormatRun.report(results, check: check, diff: diff)
        FileHandleOutput.stdout(report.stdout)
        FileHandleOutput.stderr(report.stderr)
        if report.exitCode != ExitStatus.ok { throw ExitCode(report.exitCode) }
    }
}
