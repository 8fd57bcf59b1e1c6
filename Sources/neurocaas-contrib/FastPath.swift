#if canImport(Glibc)
import Glibc
#endif
import WorkflowCore

/// The argument shapes the front answers itself, each exactly as neurocaas-contrib-full's command
/// of that name answers it (FastPathTests runs every shape both ways, BPCTL_NO_FAST_PATH=1 being
/// the companion, and compares stdout, stderr and exit code). Anything else (help, `--opt=value`,
/// repeated or unknown options, a value starting with "-", a read-yaml path that does not exist,
/// which is a usage error, no HOME) goes to the companion.
enum FastPath {
    typealias Command = () throws -> String

    static func command(_ arguments: [String]) -> Command? {
        guard getenv("BPCTL_NO_FAST_PATH") == nil, arguments.count >= 2 else { return nil }
        let rest = Array(arguments.dropFirst(2))
        switch (arguments[0], arguments[1]) {
        case ("workflow", let name):
            guard let home = getenv("HOME").map({ String(cString: $0) }) else { return nil }
            return getter(name, rest, JobState(home: home))
        case ("scripting", "read-yaml"):
            let names: KeyValuePairs = ["-p": "path", "--path": "path", "-f": "field", "--field": "field", "-d": "default", "--default": "default"]
            guard let o = options(rest, names), let path = o["path"], let field = o["field"] else { return nil }
            // click's Path(exists=True): a missing path is the companion's usage error (exit 2).
            guard access(path, F_OK) == 0 else { return nil }
            return { try ReadYAML.value(path: path, field: field, default: o["default"]) }
        default:
            return nil
        }
    }

    static func getter(_ name: String, _ rest: [String], _ state: JobState) -> Command? {
        if rest.isEmpty {
            switch name {
            case "get-dataname": return { try state.localName(.data) }
            case "get-configname": return { try state.localName(.config) }
            case "get-datapath": return { try state.localPath(.data) }
            case "get-configpath": return { try state.localPath(.config) }
            case "get-bucket": return { try state.bucket() }
            case "get-group": return { try state.group() }
            case "get-resultpath-tmp": return { try state.temporaryResultFolder() }
            default: return nil
            }
        }
        switch name {
        case "get-filename", "get-filepath":
            guard let o = options(rest, ["-n": "name", "--name": "name"]), let n = o["name"] else { return nil }
            return name == "get-filename" ? { try state.localName(.file(n)) } : { try state.localPath(.file(n)) }
        case "get-resultpath":
            guard let o = options(rest, ["-l": "locpath", "--locpath": "locpath"]), let l = o["locpath"] else { return nil }
            return { try state.resultPath(for: l) }
        default:
            return nil
        }
    }

    /// `-x value` pairs, each option at most once, or nil for anything else. Pairs searched in
    /// order, not dictionaries: the first `[String: String]` of a process costs a conformance scan.
    static func options(_ arguments: [String], _ names: KeyValuePairs<String, String>) -> Options? {
        guard arguments.count % 2 == 0 else { return nil }
        var out = Options()
        for i in stride(from: 0, to: arguments.count, by: 2) {
            guard let key = names.first(where: { $0.key == arguments[i] })?.value, out[key] == nil,
                  !arguments[i + 1].hasPrefix("-") else { return nil }
            out.values.append((key, arguments[i + 1]))
        }
        return out
    }

    struct Options {
        var values: [(name: String, value: String)] = []
        subscript(name: String) -> String? { values.first { $0.name == name }?.value }
    }
}
