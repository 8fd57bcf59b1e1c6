/// Every key a blueprint may hold, where, with its JSON type and whether anything reads it
/// (blueprint-reference §2). The model, the type/required/unknown/unused-field rules and the
/// JSON Schema descriptions all come from this one table.
public struct FieldSpec: Sendable {
    public enum Status: Sendable, Equatable {
        /// Read by the deploy or the job manager.
        case live
        /// Present in real files but read by nothing; the string says why.
        case unused(String)
        /// Local state written by neurocaas-contrib's Blueprint class.
        case toolState
    }

    /// Pointer pattern of the containing object: "", "/Lambda", "/UXData/Affiliates/*".
    public let container: String
    public let key: String
    public let types: [JSONType]
    public let required: Bool
    public let status: Status
    public let summary: String

    public var pointerPattern: String { container + "/" + key }
}

/// JSON value types as JSON Schema names them; integer-valued numbers satisfy `integer`.
public enum JSONType: String, Sendable, CaseIterable {
    case object, array, string, integer, number, boolean, null

    public func matches(_ node: Node) -> Bool {
        switch (self, node.kind) {
        case (.object, .object), (.array, .array), (.string, .string), (.boolean, .bool), (.null, .null): return true
        case (.number, .number): return true
        case (.integer, .number(let n)): return n.integer != nil
        default: return false
        }
    }
}

public enum FieldCatalog {
    static let lambda = "/Lambda"
    static let config = "/Lambda/LambdaConfig"
    static let affiliate = "/UXData/Affiliates/*"

    private static func f(_ container: String, _ key: String, _ types: [JSONType], required: Bool = false,
                          _ summary: String) -> FieldSpec {
        FieldSpec(container: container, key: key, types: types, required: required, status: .live, summary: summary)
    }

    private static func u(_ container: String, _ key: String, _ types: [JSONType], _ status: FieldSpec.Status,
                          _ summary: String) -> FieldSpec {
        FieldSpec(container: container, key: key, types: types, required: false, status: status, summary: summary)
    }

    public static let all: [FieldSpec] = [
        f("", "PipelineName", [.string], required: true, "The pipeline's identity: S3 bucket name, CloudFormation stack name and part of IAM group names."),
        f("", "REGION", [.string], required: true, "AWS region of the pipeline (for example us-east-1); must equal Lambda.LambdaConfig.REGION."),
        f("", "STAGE", [.string], "Deploy mode read by the build scripts: develop, webdev or websubstack."),
        u("", "PipelineVersion", [.string], .unused("nothing in the deploy or job path reads it"), "Unused version label."),
        f("", "Lambda", [.object], required: true, "The job manager: code location, handler and its settings."),
        f("", "UXData", [.object], required: true, "Who may use the pipeline: the affiliate groups."),
        f("", "Metadata", [.object], "Tool metadata; bpctl reads Metadata.bpctl.ignore for inline suppressions."),
        u("", "container_history", [.array], .toolState, "neurocaas-contrib local container history."),
        u("", "image_history", [.array], .toolState, "neurocaas-contrib local image history."),
        u("", "develop_history", [.array], .toolState, "neurocaas-contrib development history."),
        u("", "active_container", [.string], .toolState, "neurocaas-contrib active container."),
        u("", "active_image", [.string], .toolState, "neurocaas-contrib active image."),
        u("", "localenv", [.string], .toolState, "neurocaas-contrib local environment path (an absolute path on a laptop)."),
        u("", "script", [.string], .toolState, "neurocaas-contrib analysis script."),

        f(lambda, "CodeUri", [.string], required: true, "Directory of the job-manager code, relative to the stack directory (../../protocols)."),
        f(lambda, "Handler", [.string], required: true, "module.function of the job manager, e.g. submit_start.handler_develop."),
        f(lambda, "PostCodeUri", [.string], "Directory of the post-processing function (needs PostHandler too)."),
        f(lambda, "PostHandler", [.string], "module.function of the post-processing function (needs PostCodeUri too)."),
        f(lambda, "PostTrigger", [.string], "Key suffix that triggers post-processing (default end.txt)."),
        u(lambda, "Launch", [.boolean], .unused("the live flag is Lambda.LambdaConfig.LAUNCH"), "Unused; LambdaConfig.LAUNCH is the live flag."),
        u(lambda, "Requirements", [.string], .unused("build.sh reads it into a variable and never uses it"), "Unused requirements file name."),
        f(lambda, "LambdaConfig", [.object], required: true, "Settings that become the job manager's environment."),

        f(config, "AMI", [.string], required: true, "Machine image the analysis runs on: ami- followed by 8 or 17 hex digits."),
        f(config, "INSTANCE_TYPE", [.string], required: true, "Default EC2 instance type for jobs, e.g. p3.2xlarge."),
        f(config, "REGION", [.string], required: true, "Region for S3, SSM and pricing, and the suffix of IAM user names."),
        f(config, "IAM_ROLE", [.string], required: true, "Instance profile name given to job instances (e.g. SSMRole)."),
        f(config, "KEY_NAME", [.string], required: true, "EC2 key pair name for job instances."),
        f(config, "SECURITY_GROUPS", [.string], "One security group name (default VPC); defaults to the deploy security group."),
        f(config, "WORKING_DIRECTORY", [.string], "Directory the COMMAND runs in (default ~/bin)."),
        f(config, "COMMAND", [.string], required: true, "Shell command template run on the instance; Python str.format fills {} with bucket, dataset key, result prefix and config key."),
        f(config, "SHUTDOWN_BEHAVIOR", [.string], "What the instance does when it powers off: terminate (default) or stop."),
        u(config, "CONFIG", [.string], .unused("nothing in the current job path reads it"), "Legacy config file name."),
        u(config, "MISSING_CONFIG_ERROR", [.string], .unused("nothing in the current job path reads it"), "Legacy error sentence."),
        f(config, "EXECUTION_TIMEOUT", [.integer], "Job-manager Lambda timeout in seconds, 1 to 900 (default 900)."),
        f(config, "SSM_TIMEOUT", [.integer], "SSM command timeout in seconds, 1 to 172800 (default 172000)."),
        f(config, "LAUNCH", [.boolean], "Whether the job manager launches instances (must be true)."),
        u(config, "LOGFILE", [.string], .unused("only the legacy Logger class reads it"), "Legacy log file name."),
        f(config, "DEPLOY_LIMIT", [.integer], "Largest number of instances one job may start (default 100)."),
        f(config, "MAXCOST", [.number, .string], "Fallback budget per group in USD, a number or numeric string (default \"300\")."),
        f(config, "MONITOR", [.boolean], "Whether job instances are monitored; false is silently replaced by true."),
        u(config, "INDIR", [.string], .unused("the compiler always overwrites it with \"inputs\""), "Overwritten by the compiler."),
        u(config, "OUTDIR", [.string], .unused("the compiler always overwrites it with \"results\""), "Overwritten by the compiler."),
        u(config, "LOGDIR", [.string], .unused("the compiler always overwrites it with \"logs\""), "Overwritten by the compiler."),

        f("/UXData", "Affiliates", [.array], required: true, "The user groups of this pipeline."),

        f(affiliate, "AffiliateName", [.string], required: true, "Group name: S3 prefix, IAM group name part and (develop/webdev) CloudFormation logical ID part."),
        f(affiliate, "UserNames", [.array], required: true, "IAM user base names; the IAM user is <name><REGION> and must already exist."),
        f(affiliate, "UserInput", [.boolean], "true: users submit under <aff>/submissions; false: under <aff>/results (develop/webdev only)."),
        f(affiliate, "ContactEmail", [.string], "Contact address (not read by any code)."),
        u(affiliate, "PipelineDir", [.string], .unused("nothing in the blueprint path reads it"), "Unused."),
        u(affiliate, "PipelinePath", [.string], .unused("nothing in the blueprint path reads it"), "Unused."),
    ]

    /// Specs of one container, keyed by field name.
    public static func fields(in container: String) -> [String: FieldSpec] {
        byContainer[container] ?? [:]
    }

    /// The spec of exactly this key: code point equal, so "\u{212A}EY_NAME" (Kelvin sign) is not
    /// KEY_NAME although Swift's `==` says the two are canonically equivalent.
    public static func spec(container: String, key: String) -> FieldSpec? {
        byContainer[container]?[key].flatMap { $0.key.sameScalars(as: key) ? $0 : nil }
    }

    /// The keys of one container, for a scan by code points: the same answer as
    /// `spec(container:key:) != nil` (keys are unique per container) without hashing the key
    /// twice (1.4 M instructions of finding the unknown keys of the shared blueprints).
    static func keys(in container: String) -> [String] {
        all.filter { $0.container.sameScalars(as: container) }.map(\.key)
    }

    /// `keys(in:)` of each container the model reads, computed once.
    static let topKeys = keys(in: ""), lambdaKeys = keys(in: lambda), configKeys = keys(in: config),
               uxDataKeys = keys(in: "/UXData"), affiliateKeys = keys(in: affiliate)

    private static let byContainer: [String: [String: FieldSpec]] = {
        var out: [String: [String: FieldSpec]] = [:]
        for s in all { out[s.container, default: [:]][s.key] = s }
        return out
    }()

    /// The containers whose keys the catalog knows (everything else is free-form).
    public static var containers: [String] { ["", lambda, config, "/UXData", affiliate] }
}
