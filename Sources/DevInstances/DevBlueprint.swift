import BlueprintKit
import Foundation

/// The blueprint fields the dev loop reads, each with its position so a missing or ill-typed
/// one is reported at file:line:col. The file is re-read on every command (it is small and the
/// developer edits it between commands).
public struct DevBlueprint: Sendable {
    public let path: String
    public let source: SourceFile
    public let blueprint: Blueprint

    public static func load(_ path: String) throws -> DevBlueprint {
        switch Document.load(path: path) {
        case .success(let doc):
            let b = Blueprint(document: doc)
            guard doc.root.isObject else {
                throw DevError(.usage, "the blueprint is not a JSON object", at: doc.root, in: doc.source)
            }
            return DevBlueprint(path: path, source: doc.source, blueprint: b)
        case .failure(let e):
            throw DevError(.usage, "cannot use the blueprint: \(e.error.message)",
                           hint: "pass the analysis's stack_config_template.json with --blueprint",
                           location: "\(path):\(e.source.location(of: e.error.offset))")
        }
    }

    /// The directory holding the blueprint; `.bpctl/dev.json` lives there.
    public var directory: String { URL(fileURLWithPath: path).deletingLastPathComponent().path }

    public var pipelineName: String { get throws { try string(blueprint.pipelineName, "PipelineName", parent: blueprint.root) } }
    public var region: String? { blueprint.regionValue ?? blueprint.lambda?.config?.region?.node.string }

    private var config: Blueprint.LambdaConfig {
        get throws {
            guard let c = blueprint.lambda?.config else {
                throw DevError(.usage, "the blueprint has no Lambda.LambdaConfig object", at: blueprint.lambda?.field.node ?? blueprint.root, in: source)
            }
            return c
        }
    }

    public var ami: String { get throws { let c = try config; return try string(c.ami, "AMI", parent: c.field.node) } }
    public var amiNode: Node? { blueprint.lambda?.config?.ami?.node }
    public var instanceType: String { get throws { let c = try config; return try string(c.instanceType, "INSTANCE_TYPE", parent: c.field.node) } }
    public var keyName: String { get throws { let c = try config; return try string(c.keyName, "KEY_NAME", parent: c.field.node) } }
    public var iamRole: String { get throws { let c = try config; return try string(c.iamRole, "IAM_ROLE", parent: c.field.node) } }
    public var securityGroup: String? { get throws { let c = try config; return try c.securityGroups.map { try string($0, "SECURITY_GROUPS", parent: c.field.node) } } }
    public var workingDirectory: String? { get throws { let c = try config; return try c.workingDirectory.map { try string($0, "WORKING_DIRECTORY", parent: c.field.node) } } }
    public var command: Located<String> {
        get throws {
            let c = try config
            _ = try string(c.command, "COMMAND", parent: c.field.node)
            return c.command!.string!
        }
    }

    /// SSM_TIMEOUT in seconds; the job manager's default (172000) when absent.
    public var ssmTimeout: Int {
        get throws {
            let c = try config
            guard let f = c.ssmTimeout else { return 172000 }
            guard let n = f.integer?.value, n > 0 else {
                throw DevError(.usage, "SSM_TIMEOUT must be a positive integer (seconds)", hint: "SSM accepts up to 172800", at: f.node, in: source)
            }
            return n
        }
    }

    private func string(_ f: Field?, _ key: String, parent: Node) throws -> String {
        guard let f else {
            throw DevError(.usage, "the blueprint has no \(key)", hint: "add \"\(key)\" to the blueprint", at: parent, in: source)
        }
        guard let s = f.node.string, !s.isEmpty else {
            throw DevError(.usage, "\(key) must be a non-empty string, found \(f.node.typeName)", at: f.node, in: source)
        }
        return s
    }
}
