import ArgumentParser
import Foundation

/// What the fast path runs: the command's own checks, then its synchronous body.
protocol FastCommand {
    mutating func validate() throws
    func runNow() throws
}

/// A command whose work never awaits. ArgumentParser still calls `run()`; the fast path calls
/// `runNow()` directly, which saves the hop to the concurrent executor (a thread start, ~0.4 ms).
protocol SynchronousCommand: ParsableArguments, FastCommand {}

extension SynchronousCommand where Self: AsyncParsableCommand {
    func run() async throws { try runNow() }
}

/// Analysis scripts call the getters and `read-yaml` dozens of times a job, each a fresh
/// process, and ArgumentParser's reflection-based parse costs more than the command itself
/// (docs/performance.md, "Start-up"). For these exact argument shapes the same command value (for
/// read-yaml, the same two steps: ReadYAMLNow) is built directly and run; anything else (help, `--opt=value`, repeated or unknown options, a
/// value starting with "-") goes through ArgumentParser as before. BPCTL_NO_FAST_PATH=1 turns it
/// off; the tests run both ways and compare. A command whose `validate()` fails is handed back
/// too, so ArgumentParser reports the usage error exactly as it always did.
enum FastPath {
    static func command(_ arguments: [String]) -> FastCommand? {
        guard getenv("BPCTL_NO_FAST_PATH") == nil, arguments.count >= 2, let command = built(arguments) else { return nil }
        var check = command
        return (try? check.validate()) == nil ? nil : command
    }

    /// The command for an exact argument shape, not yet validated.
    static func built(_ arguments: [String]) -> FastCommand? {
        let rest = Array(arguments.dropFirst(2))
        switch (arguments[0], arguments[1]) {
        case ("workflow", let name):
            if let getter = plainGetter(name) { return rest.isEmpty ? getter : nil }
            switch name {
            case "get-filename", "get-filepath":
                guard let o = options(rest, ["-n": "name", "--name": "name"]), let n = o["name"] else { return nil }
                if name == "get-filename" {
                    var c = GetFilename()
                    c.name = n
                    return c
                }
                var c = GetFilepath()
                c.name = n
                return c
            case "get-resultpath":
                guard let o = options(rest, ["-l": "locpath", "--locpath": "locpath"]), let l = o["locpath"] else { return nil }
                var c = GetResultpath()
                c.locpath = l
                return c
            default:
                return nil
            }
        case ("scripting", "read-yaml"):
            let names: KeyValuePairs = ["-p": "path", "--path": "path", "-f": "field", "--field": "field", "-d": "default", "--default": "default"]
            guard let o = options(rest, names), let path = o["path"], let field = o["field"] else { return nil }
            return ReadYAMLNow(path: path, field: field, default: o["default"])
        default:
            return nil
        }
    }

    /// Getters without options.
    static func plainGetter(_ name: String) -> SynchronousCommand? {
        switch name {
        case "get-dataname": GetDataname()
        case "get-configname": GetConfigname()
        case "get-datapath": GetDatapath()
        case "get-configpath": GetConfigpath()
        case "get-bucket": GetBucket()
        case "get-group": GetGroup()
        case "get-resultpath-tmp": GetResultpathTmp()
        default: nil
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
