#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PlatformSupport

/// One "do not report rule X (here)" entry, from `.bpctl.yaml` or `Metadata.bpctl.ignore`.
/// `--ignore` on the command line needs no entry: it is a plain set of ids.
public struct Suppression: Sendable {
    public let ruleID: String
    /// Glob relative to the config file's directory; nil = every blueprint under it.
    public let pathGlob: String?
    public let reason: String?
}

/// Reads suppression lists (the same shape in both places) and reports their own problems
/// (BP900 no reason, BP901 unknown rule, BP902 wrong shape) as diagnostics of the file holding them.
public enum SuppressionReader {
    public static func read(list node: Node?, pointer: String, source: SourceFile, allowPath: Bool)
        -> (suppressions: [Suppression], diagnostics: [Diagnostic]) {
        guard let node else { return ([], []) }
        var out: [Suppression] = []
        var diags: [Diagnostic] = []
        func problem(_ rule: RuleDescription, _ range: SourceRange, _ pointer: String, _ message: String, _ hint: String) {
            diags.append(Diagnostic(ruleID: rule.id, severity: rule.severity, message: message, hint: hint,
                                    source: source, range: range, pointer: pointer))
        }
        guard let entries = node.elements else {
            problem(MetaRules.configInvalid, node.range, pointer, "ignore must be a list of {rule, reason} entries, not \(node.shortDescription)",
                    "write:\n  ignore:\n    - rule: BP144\n      reason: why this is fine")
            return ([], diags)
        }
        for (i, entry) in entries.enumerated() {
            let p = JSONPointer.appending(pointer, i)
            guard entry.isObject, let ruleNode = entry["rule"], let rule = ruleNode.string else {
                problem(MetaRules.configInvalid, entry.range, p, "each ignore entry needs a rule: {rule: BP144, reason: ...}",
                        "add rule: with a rule id such as BP144")
                continue
            }
            for m in entry.members ?? [] where !["rule", "reason", "path"].contains(m.key) || (m.key == "path" && !allowPath) {
                problem(MetaRules.configInvalid, m.keyRange, JSONPointer.appending(p, m.key), "unknown key '\(m.key)' in an ignore entry",
                        allowPath ? "entries take rule, path and reason" : "inline entries take rule and reason")
            }
            guard let id = RuleCatalog.resolve(rule) else {
                problem(MetaRules.suppressionUnknownRule, ruleNode.range, JSONPointer.appending(p, "rule"),
                        "'\(rule)' is not a bpctl rule\(Suggest.phrase(for: rule, in: RuleCatalog.allNames))",
                        "run 'bpctl rules' for the list")
                continue
            }
            let reason = entry["reason"]?.string?.trimmingWhitespace()
            if reason?.isEmpty ?? true {
                problem(MetaRules.suppressionReason, entry.range, p, "the suppression of \(id) gives no reason",
                        "add reason: saying why \(id) does not apply here")
            }
            out.append(Suppression(ruleID: id, pathGlob: allowPath ? entry["path"]?.string : nil, reason: reason))
        }
        return (out, diags)
    }
}

/// A `.bpctl.yaml`: the nearest one above a blueprint applies to it.
public struct ConfigFile: Sendable {
    public static let name = ".bpctl.yaml"
    public let path: String
    public let directory: String
    public let source: SourceFile
    public let suppressions: [Suppression]
    public let diagnostics: [Diagnostic]

    public static func load(path: String) -> ConfigFile {
        let directory = PathText.deletingLastComponent(path)
        switch Document.load(path: path).map({ $0 }) {
        case .failure(let e):
            let d = Diagnostic(ruleID: MetaRules.parse.id, severity: .error, message: e.error.message, hint: e.error.hint,
                               source: e.source, range: .at(e.error.offset), pointer: nil)
            return ConfigFile(path: path, directory: directory, source: e.source, suppressions: [], diagnostics: [d])
        case .success(let doc):
            var diags: [Diagnostic] = []
            guard doc.root.isObject else {
                diags.append(Diagnostic(ruleID: MetaRules.configInvalid.id, severity: .error, message: "\(name) must be a mapping with an ignore: list",
                                        hint: "ignore:\n  - rule: BP144\n    reason: ...", source: doc.source, range: doc.root.range, pointer: ""))
                return ConfigFile(path: path, directory: directory, source: doc.source, suppressions: [], diagnostics: diags)
            }
            // artifact_bucket: read by `bpctl apply` (where a new analysis's code goes).
            for m in doc.root.members ?? [] where m.key != "ignore" && m.key != "artifact_bucket" {
                diags.append(Diagnostic(ruleID: MetaRules.configInvalid.id, severity: .error, message: "unknown key '\(m.key)' in \(name)",
                                        hint: "the file holds an ignore: list", source: doc.source, range: m.keyRange, pointer: "/" + m.key))
            }
            let (list, more) = SuppressionReader.read(list: doc.root["ignore"], pointer: "/ignore", source: doc.source, allowPath: true)
            return ConfigFile(path: path, directory: directory, source: doc.source, suppressions: list, diagnostics: diags + more)
        }
    }

    /// The suppressions that apply to a blueprint (path globs are relative to this file's folder).
    public func suppressions(for blueprintPath: String) -> [Suppression] {
        let abs = Paths.absolute(blueprintPath)
        let root = Paths.absolute(directory.isEmpty ? "." : directory)
        let relative = abs.hasPrefix(root + "/") ? String(abs.dropFirst(root.count + 1)) : abs
        return suppressions.filter { s in s.pathGlob.map { Glob.matches($0, relative) } ?? true }
    }
}

/// Finds the nearest `.bpctl.yaml` above each blueprint, reading each file once.
final class ConfigFinder {
    private var byDirectory: [String: ConfigFile?] = [:]
    private(set) var loaded: [ConfigFile] = []

    func config(for blueprintPath: String) -> ConfigFile? {
        lookup(Paths.parent(Paths.absolute(blueprintPath)))
    }

    private func lookup(_ dir: String) -> ConfigFile? {
        if let cached = byDirectory[dir] { return cached }
        let candidate = Paths.join(dir, ConfigFile.name)
        let result: ConfigFile?
        var st = stat() // FileManager's fileExists (it follows symlinks too), without its set-up cost
        if stat(candidate, &st) == 0 {
            let file = ConfigFile.load(path: candidate)
            loaded.append(file)
            result = file
        } else if dir == "/" || dir.isEmpty {
            result = nil
        } else {
            result = lookup(Paths.parent(dir))
        }
        byDirectory[dir] = .some(result)
        return result
    }
}
