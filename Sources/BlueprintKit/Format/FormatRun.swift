/// `bpctl fmt`: find blueprints, lay each out canonically, and either rewrite it atomically or
/// (with check) only report it. Nothing here prints; the report renders what the command shows.
public enum FormatRun {
    public struct FileResult: Sendable {
        public enum Status: Sendable, Equatable {
            case unchanged, reformatted, wouldReformat
            /// Left alone, with the reason (comments in YAML).
            case skipped(String)
            /// Unreadable, unparsable or not writable: the message names file:line:col.
            case failed(String)
        }
        public let path: String
        public let status: Status
        public let before: [UInt8]
        public let after: [UInt8]
    }

    public static func run(paths: [String], write: Bool) throws(FileDiscovery.Failure) -> [FileResult] {
        try FileDiscovery.blueprints(in: paths).map { file(Paths.display($0), write: write) }
    }

    static func file(_ path: String, write: Bool) -> FileResult {
        let document: Document
        switch Document.load(path: path) {
        case .success(let d): document = d
        case .failure(let e):
            let hint = e.error.hint.map { "\n  hint: \($0)" } ?? ""
            return FileResult(path: path, status: .failed("\(path):\(e.source.location(of: e.error.offset)): \(e.error.message)\(hint)"),
                              before: e.source.bytes, after: e.source.bytes)
        }
        let before = document.source.bytes
        if Document.syntax(forPath: path) == .yaml, YAMLComments.present(in: document) {
            return FileResult(path: path, status: .skipped("it has comments, which reformatting would drop"), before: before, after: before)
        }
        let after: [UInt8]
        do { after = try CanonicalLayout.format(document) } catch {
            return FileResult(path: path, status: .failed("\(path): \(error.message)"), before: before, after: before)
        }
        if after == before { return FileResult(path: path, status: .unchanged, before: before, after: after) }
        guard write else { return FileResult(path: path, status: .wouldReformat, before: before, after: after) }
        do { try AtomicFile.write(after, to: path) } catch {
            return FileResult(path: path, status: .failed("\(error)"), before: before, after: before)
        }
        return FileResult(path: path, status: .reformatted, before: before, after: after)
    }

    /// What the command prints and its exit code: 0 when every file is (now) formatted, 1 when
    /// --check found files to reformat, 2 when a file could not be read, parsed or written.
    public struct Report: Sendable {
        public var stdout = ""
        public var stderr = ""
        public var exitCode: Int32 = ExitStatus.ok
    }

    public static func report(_ results: [FileResult], check: Bool, diff: Bool) -> Report {
        var r = Report()
        for result in results {
            switch result.status {
            case .unchanged: break
            case .reformatted, .wouldReformat:
                if check || diff {
                    r.stdout += UnifiedDiff.render(old: result.before, new: result.after, oldName: "a/" + result.path, newName: "b/" + result.path)
                } else {
                    r.stdout += result.path + "\n"
                }
                if check { r.exitCode = max(r.exitCode, ExitStatus.findings) }
            case .skipped(let why): r.stderr += "\(result.path): not formatted: \(why)\n"
            case .failed(let message):
                r.stderr += "error: \(message)\n"
                r.exitCode = ExitStatus.usage
            }
        }
        if check, r.exitCode == ExitStatus.findings {
            let n = results.filter { $0.status == .wouldReformat }.count
            r.stderr += "\(n) file\(n == 1 ? "" : "s") would be reformatted; run `bpctl fmt` to rewrite \(n == 1 ? "it" : "them")\n"
        }
        return r
    }
}
