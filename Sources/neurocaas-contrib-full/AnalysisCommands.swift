import AnalysisKit
import ArgumentParser
import BlueprintKit
import Foundation
import WorkflowKit
#if canImport(Glibc)
import Glibc
#endif

/// `init`, `describe-analyses`, `get-blueprint`: the developer's current analysis folder.
enum AnalysisContext {
    static var home: String { ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory() }
    static var interactive: Bool { isatty(STDIN_FILENO) == 1 }

    static func fail(_ message: String, code: Int32 = 1) -> ExitCode {
        Runner.notice(message)
        return ExitCode(code)
    }
}

struct InitAnalysis: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create or select the analysis folder <location>/<analysis-name>.",
        discussion: """
        Prompts (on a terminal only) for what is not given: the analysis name, whether to create \
        the folder, and the blueprint's PipelineName, stage, AMI and instance type. Without a \
        terminal nothing is asked: --yes confirms creating a folder. Never overwrites a blueprint.
        """)

    @Option(help: ArgumentHelp("Parent directory of analysis folders (must exist).", valueName: "directory")) var location: String?
    @Option(help: "The analysis (folder) name.") var analysisName: String?
    @Flag(name: [.short, .long], help: "Create the folder without asking.") var yes = false
    @Option(help: "PipelineName (prompt: Analysis Name).") var pipelineName: String?
    @Option(help: "STAGE (prompt: Stage).") var stage: String?
    @Option(help: "AMI (prompt: Ami).") var ami: String?
    @Option(help: "INSTANCE_TYPE (prompt: Instance Type).") var instanceType: String?

    func validate() throws {
        if let location {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: location, isDirectory: &isDir), isDir.boolValue else {
                throw ValidationError("Invalid value for '--location': Directory '\(location)' does not exist.")
            }
        }
        if analysisName == nil && !AnalysisContext.interactive {
            throw ValidationError("Missing option '--analysis-name' (no terminal to ask on).")
        }
    }

    func run() throws {
        func ask(_ question: String, _ fallback: String?) -> String? {
            FileHandle.standardOutput.write(Data("\(question)\(fallback.map { " [\($0)]" } ?? ""): ".utf8))
            return readLine()
        }
        guard let name = analysisName ?? ask("Analysis Name", nil).map({ $0.trimmingCharacters(in: .whitespaces) }), !name.isEmpty else {
            throw AnalysisContext.fail("Error: no analysis name given.", code: 2)
        }
        let config = ContribConfig.load(home: AnalysisContext.home)
        let (loc, defaulted) = ContribAnalyses.location(flag: location, config: config, cwd: FileManager.default.currentDirectoryPath)
        if defaulted { Runner.print("No location given and no previous location found. Defaulting to \(loc)") }
        let options = ScaffoldOptions(name: name, pipelineName: pipelineName, stage: stage, ami: ami, instanceType: instanceType)
        let interactive = AnalysisContext.interactive
        do {
            let result = try ContribAnalyses.initialize(options, location: loc, home: AnalysisContext.home) { question, options in
                if yes { return true }
                guard interactive else { return false }
                let answer = ask(question + " [y/N]", nil)?.lowercased() ?? ""
                guard answer == "y" || answer == "yes" else { return false }
                options.prompt { q, d in ask(q, d) }
                return true
            }
            switch result {
            case .selected(let folder): Runner.print("Analysis \(name) at \(folder) is now the current analysis.")
            case .created(let outcome):
                Runner.print("Created \(outcome.folder) (\(outcome.written.joined(separator: ", "))).")
                if outcome.placeholderAMI { Runner.print("The AMI is a placeholder (\"\(ScaffoldOptions.placeholderAMI)\"); put the ami-... id of your saved image in the blueprint.") }
            case .declined:
                Runner.print("Not creating analysis folder at this location.")
                if !interactive && !yes { throw AnalysisContext.fail("(no terminal to confirm on: pass --yes to create it)") }
            }
        } catch let e as Scaffold.Failure {
            if case .invalid(let report) = e { FileHandle.standardOutput.write(Data(TextRenderer(color: false).render(report).utf8)) }
            throw AnalysisContext.fail("neurocaas-contrib init: \(e.message)", code: { if case .invalid = e { return 2 } else { return 1 } }())
        }
    }
}

struct DescribeAnalyses: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "describe-analyses", abstract: "List the analysis folders at the location (* marks the current one).")
    @Option(help: ArgumentHelp("Parent directory of analysis folders.", valueName: "directory")) var location: String?

    func run() throws {
        let config = ContribConfig.load(home: AnalysisContext.home)
        let (loc, _) = ContribAnalyses.location(flag: location, config: config, cwd: FileManager.default.currentDirectoryPath)
        do {
            let names = try ContribAnalyses.list(location: loc, current: config?.analysisName)
            Runner.print("\nNeuroCAAS Analyses Available for Development: \n\n" + names.joined(separator: "\n"))
        } catch {
            throw AnalysisContext.fail("Error: cannot list \(loc): no such directory", code: 2)
        }
    }
}

struct GetBlueprint: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "get-blueprint", abstract: "Print the current analysis's blueprint as JSON (indent 2).")
    @Option(help: ArgumentHelp("Parent directory (default: the stored location).", valueName: "directory")) var location: String?
    @Option(name: [.customShort("a"), .long], help: "Analysis folder (default: the current analysis).") var analysisName: String?

    func run() throws {
        let config = ContribConfig.load(home: AnalysisContext.home)
        guard let loc = location ?? config?.location, let name = analysisName ?? config?.analysisName else {
            throw AnalysisContext.fail("Configuration file not found. Run 'neurocaas-contrib init' first (or pass --location and -a).")
        }
        let path = ((loc as NSString).appendingPathComponent(name) as NSString).appendingPathComponent(Scaffold.blueprintName)
        switch Document.load(path: path) {
        case .success(let doc): Runner.print(PythonJSON.dumps(doc.root, indent: 2))
        case .failure(let e):
            let at = e.source.location(of: e.error.offset)
            throw AnalysisContext.fail("\(path):\(at.line):\(at.column): \(e.error.message)\(e.error.hint.map { " (\($0))" } ?? "")")
        }
    }
}
