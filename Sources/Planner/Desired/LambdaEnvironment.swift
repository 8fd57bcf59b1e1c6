import BlueprintKit

/// MainLambda's environment as the deploy compiles it (blueprint-reference §2.6, §4.8): every
/// LambdaConfig key, stringified as CloudFormation hands values to Lambda, then the compiler's
/// overwrites and falsy-value defaults.
public enum LambdaEnvironment {
    /// Always overwritten from global params, whatever the blueprint says.
    public static let overwritten: [(String, String)] = [
        ("INDIR", "inputs"), ("OUTDIR", "results"), ("LOGDIR", "logs"), ("CONFIGDIR", "configs"), ("SUBMITDIR", "submissions"),
    ]

    /// Replaced whenever the blueprint's value is falsy in Python (missing, false, 0, "", []).
    public static let defaults: [(String, String)] = [
        ("WORKING_DIRECTORY", "~/bin"), ("CONFIG", "config.yaml"),
        // The one sentence every real blueprint carries; taken to be the global default.
        ("MISSING_CONFIG_ERROR", "We need a config file to analyze data."),
        ("SHUTDOWN_BEHAVIOR", "terminate"), ("EXECUTION_TIMEOUT", "900"), ("SSM_TIMEOUT", "172000"), ("LAUNCH", "true"),
        ("LOGFILE", "lambda_log.txt"), ("DEPLOY_LIMIT", "100"), ("MAXCOST", "300"), ("MONITOR", "true"),
    ]

    /// Injected at compile time and different on every deploy (git HEAD, physical ids): never
    /// compared, so a plan does not show MainLambda changed on every commit.
    public static let volatile: Set<String> = ["versionid", "figlambid", "figlambarn", "cwrolearn"]

    /// Keys whose value comes from the deploying account's global params, unknown to bpctl.
    public static let fromGlobalParams: Set<String> = ["SECURITY_GROUPS"]

    /// One environment entry and where in the blueprint it came from (nil: a default).
    public struct Entry: Sendable, Equatable {
        public let key: String
        public let value: PlanValue
        public let pointer: String?
    }

    public static func compile(_ config: Blueprint.LambdaConfig?) -> [Entry] {
        var entries: [Entry] = []
        var index: [String: Int] = [:]
        func set(_ key: String, _ value: PlanValue, _ pointer: String?) {
            if let i = index[key] { entries[i] = Entry(key: key, value: value, pointer: pointer) } else {
                index[key] = entries.count
                entries.append(Entry(key: key, value: value, pointer: pointer))
            }
        }
        let pointer = config?.field.pointer ?? "/Lambda/LambdaConfig"
        for member in config?.field.node.members ?? [] {
            set(member.key, stringify(member.value).map(PlanValue.string) ?? .null, pointer + "/" + JSONPointerToken.escape(member.key))
        }
        for (key, value) in overwritten { set(key, .string(value), nil) }
        for (key, value) in defaults where isFalsy(entries.first { $0.key == key }?.value) {
            set(key, .string(value), index[key].flatMap { entries[$0].pointer })
        }
        for key in fromGlobalParams where isFalsy(entries.first { $0.key == key }?.value) {
            set(key, .unknown, nil)
        }
        return entries
    }

    /// The string Lambda sees: CloudFormation turns JSON true/180 into "true"/"180".
    static func stringify(_ node: Node) -> String? {
        if let s = node.string { return s }
        if let b = node.bool { return b ? "true" : "false" }
        if let n = node.number { return n.integer.map(String.init) ?? n.raw }
        return nil
    }

    static func isFalsy(_ value: PlanValue?) -> Bool {
        switch value {
        case nil, .null: return true
        case .string(let s): return s.isEmpty || s == "false" || s == "0"
        case .list(let l): return l.isEmpty
        case .unknown: return false
        }
    }
}

/// RFC 6901 escaping of one reference token.
enum JSONPointerToken {
    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }
}
