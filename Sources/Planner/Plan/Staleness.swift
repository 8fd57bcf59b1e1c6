import AWSClient
import Foundation
import GitKit

/// Is a saved plan still what `apply` would do? Each reason names exactly what moved, unlike
/// Terraform's bare "Saved plan is stale". The applier calls `check` before acting.
public enum StaleReason: Sendable, Equatable, CustomStringConvertible {
    case blueprintEdited(path: String, planned: String, now: String)
    case blueprintMissing(path: String)
    case headMoved(from: String?, to: String?)
    case liveFactChanged(fact: String, detail: String)
    case liveFactAppeared(fact: String)
    case liveFactGone(fact: String)

    public var description: String {
        switch self {
        case .blueprintEdited(let path, let a, let b):
            return "the blueprint \(path) was edited since the plan (sha256 \(a.prefix(12)) → \(b.prefix(12)))"
        case .blueprintMissing(let path): return "the blueprint \(path) can no longer be read"
        case .headMoved(let a, let b):
            return "git HEAD moved from \(a.map { String($0.prefix(12)) } ?? "(no commit)") to \(b.map { String($0.prefix(12)) } ?? "(no commit)")"
        case .liveFactChanged(let fact, let detail): return "live fact \"\(fact)\" changed: \(detail)"
        case .liveFactAppeared(let fact): return "live fact \"\(fact)\" is new since the plan"
        case .liveFactGone(let fact): return "live fact \"\(fact)\" was read for the plan but is no longer there"
        }
    }
}

public enum Staleness {
    /// Compare a saved plan with the present. Any argument left nil is not checked
    /// (`head`: .some(nil) means an unborn branch).
    public static func check(_ plan: Plan, blueprintBytes: [UInt8]?, head: String??, facts: LiveFacts?) -> [StaleReason] {
        var out: [StaleReason] = []
        if let bytes = blueprintBytes {
            let now = Planner.sha256(bytes)
            if now != plan.blueprint.sha256 { out.append(.blueprintEdited(path: plan.blueprint.path, planned: plan.blueprint.sha256, now: now)) }
        } else {
            out.append(.blueprintMissing(path: plan.blueprint.path))
        }
        if let git = plan.git, let head, head != git.head { out.append(.headMoved(from: git.head, to: head)) }
        if let facts, let saved = plan.live {
            let before = Dictionary(saved.facts.entries.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
            let after = Dictionary(facts.entries.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
            for (key, value) in saved.facts.entries {
                guard let now = after[key] else { out.append(.liveFactGone(fact: key)); continue }
                if saved.fingerprints[key] != nil, Planner.sha256(Array(now.utf8)) != saved.fingerprints[key] || now != value {
                    out.append(.liveFactChanged(fact: key, detail: FactDiff.describe(value, now)))
                }
            }
            for (key, _) in facts.entries where before[key] == nil { out.append(.liveFactAppeared(fact: key)) }
        }
        return out
    }

    /// Read the present (file, git HEAD, AWS through the plan's own read request) and compare.
    /// `live` nil: offline, live facts not checked.
    public static func check(_ plan: Plan, history: BlueprintHistory?, live: LiveSource?) async throws(PlanError) -> [StaleReason] {
        let bytes = FileManager.default.contents(atPath: plan.blueprint.path).map { [UInt8]($0) }
        var head: String??
        if plan.git != nil {
            do { head = .some(try history?.head() ?? nil) } catch let e as GitError { throw .git(e) } catch { throw .git(GitError(.other, "\(error)")) }
        }
        var facts: LiveFacts?
        if let live, let request = plan.live?.request {
            do { facts = try await live.read(request, progress: nil) } catch let e as AWSError { throw .aws(e) } catch let e as PlanError { throw e } catch {
                throw .aws(.transport("\(error)", endpoint: request.region))
            }
        }
        return check(plan, blueprintBytes: bytes, head: head, facts: facts)
    }
}

/// A short description of how two canonical JSON facts differ: the first few leaf paths.
enum FactDiff {
    static func describe(_ a: String, _ b: String) -> String {
        let x = flatten(parse(a)), y = flatten(parse(b))
        var parts: [String] = []
        for key in Set(x.keys).union(y.keys).sorted() where x[key] != y[key] {
            parts.append("\(key.isEmpty ? "value" : key): \(x[key] ?? "absent") → \(y[key] ?? "absent")")
        }
        if parts.isEmpty { return "\(a) → \(b)" }
        return parts.prefix(3).joined(separator: "; ") + (parts.count > 3 ? "; and \(parts.count - 3) more" : "")
    }

    static func parse(_ s: String) -> Any {
        (try? JSONSerialization.jsonObject(with: Data(s.utf8), options: [.fragmentsAllowed])) ?? s
    }

    static func flatten(_ v: Any, _ prefix: String = "") -> [String: String] {
        if let d = v as? [String: Any] {
            var out: [String: String] = [:]
            for (k, x) in d { out.merge(flatten(x, prefix.isEmpty ? k : prefix + "." + k)) { a, _ in a } }
            return out
        }
        if let a = v as? [Any], !a.allSatisfy({ $0 is String }) {
            var out: [String: String] = [:]
            for (i, x) in a.enumerated() { out.merge(flatten(x, "\(prefix)[\(i)]")) { a, _ in a } }
            return out
        }
        if let a = v as? [String] { return [prefix: PlanValue.list(a).display] }
        if let s = v as? String { return [prefix: PlanValue.quote(s)] }
        if v is NSNull { return [prefix: "null"] }
        return [prefix: "\(v)"]
    }
}
