import BlueprintKit

struct CommandValuesCheck: JobCheck {
    static let description = JobCheckDescription(
        id: "BP410", name: "command-values", severity: .error,
        summary: "COMMAND filled with this job's bucket, dataset key, result prefix and config key is not the shell line the analysis expects.",
        rationale: "The job manager formats COMMAND with the four values only in step 4, after instances are running; a key with a space or quote splits or breaks the shell line on the instance.",
        triggering: [.submit(("\"cunninghamlab/inputs/session1.zip\"", "\"cunninghamlab/inputs/session 1.zip\""))
                        .also(blueprint: ("run_main_cli.sh \\\"{}\\\" \\\"{}\\\"", "run_main_cli.sh \\\"{}\\\" {}")),
                     .submit(("\"cunninghamlab/configs/config.yaml\"", "\"cunninghamlab/configs/it's.yaml\""))
                        .also(blueprint: ("\\\"{}\\\" \\\"epi/run.sh", "'{}' \\\"epi/run.sh")),
                     .submit(("\"cunninghamlab/inputs/session1.zip\"", "\"cunninghamlab/inputs/a\\\"b$(id).zip\""))],
        nonTriggering: [.clean, .submit(("\"cunninghamlab/inputs/session1.zip\"", "\"cunninghamlab/inputs/session 1.zip\""))])

    /// Characters the shell treats specially, by quoting context.
    static let unquotedSpecial = Set(" \t\n;&|<>()$`\\\"'*?[#~{}")
    static let doubleQuotedSpecial = Set("\"$`\\")

    func check(_ job: JobInput) -> [Diagnostic] {
        guard job.submit.root.isObject, let field = job.blueprint.lambda?.config?.command, let command = field.node.string else { return [] }
        let analysis = PythonFormat.analyze(command)
        if let failure = analysis.failure {
            return [finding(job.blueprint.source, field.node, pointer: field.pointer,
                            "COMMAND cannot be filled with this job's values: \(failure.message)",
                            hint: "run 'bpctl validate' on the blueprint for the fix")]
        }
        let shell = ShellCommand(command)
        let bytes = Array(command.utf8)
        var out: [Diagnostic] = []
        var seen = Set<String>()
        for d in job.datanames {
            let values = job.commandValues(datasetKey: d.value)
            for f in analysis.fields where !f.nested {
                guard let i = f.positionalIndex, i < values.count else { continue }
                let value = values[i]
                let context = Self.quoteContext(bytes, shell.quoted, at: f.offset)
                let bad: Set<Character> = context == "'" ? ["'"] : (context == "\"" ? Self.doubleQuotedSpecial : Self.unquotedSpecial)
                guard let c = value.first(where: { bad.contains($0) }) else { continue }
                let source: (SourceFile, Node, String?)
                switch i {
                case 1: source = (job.submit.source, d.node, d.pointer)
                case 3: source = job.configname.map { (job.submit.source, $0.node, $0.pointer) } ?? (job.submit.source, job.submit.root, "")
                case 2: source = job.submitField("timestamp").map { (job.submit.source, $0.node, $0.pointer) } ?? (job.submit.source, job.submit.root, "")
                default: source = job.blueprint.pipelineName.map { (job.blueprint.source, $0.node, $0.pointer) } ?? (job.blueprint.source, field.node, field.pointer)
                }
                guard seen.insert("\(source.2 ?? "")|\(i)").inserted else { continue }
                let place = context == nil ? "unquoted" : "inside \(context == "'" ? "single" : "double") quotes"
                let what = c == " " ? "a space" : "'\(c)'"
                out.append(finding(source.0, source.1, pointer: source.2,
                                   "\(Protocols.currentSlots[i]) '\(value)' contains \(what), and COMMAND puts it \(place): the shell line on the instance breaks",
                                   hint: "rename the object without \(what)\(context == nil ? ", or quote the placeholder in COMMAND: \\\"{}\\\"" : "")",
                                   related: related("placeholder \(i + 1) of COMMAND", field, in: job.blueprint)))
            }
        }
        return out
    }

    /// The quote character around byte `offset` of the template (nil when unquoted).
    static func quoteContext(_ bytes: [UInt8], _ quoted: [Bool], at offset: Int) -> Character? {
        guard offset < quoted.count, quoted[offset] else { return nil }
        var quote: UInt8?
        var i = 0
        while i < offset {
            let c = bytes[i]
            if let q = quote {
                if c == q { quote = nil } else if q == UInt8(ascii: "\""), c == UInt8(ascii: "\\") { i += 1 }
            } else if c == UInt8(ascii: "\\") { i += 1 } else if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") { quote = c }
            i += 1
        }
        return quote.map { Character(UnicodeScalar($0)) }
    }
}

extension JobExample {
    func also(blueprint edit: (String, String)) -> JobExample { var e = self; e.blueprintEdits.append(edit); return e }
}
