import AWSClient
import Foundation
import TestSupport
import XCTest

/// One analysis against moto: a blueprint in a temp folder (unique PipelineName = bucket), the
/// instance profile and security group it names, and helpers to run both CLIs on it.
final class DevFixture {
    let server: LocalServer
    let dir: URL
    let home: URL
    let pipeline: String
    let securityGroup: String
    let region: String

    var blueprint: URL { dir.appendingPathComponent("stack_config_template.json") }
    var statePath: String { dir.appendingPathComponent(".bpctl/dev.json").path }

    static let command = #"cd /home/ubuntu; neurocaas_contrib/run_main_cli.sh \"{}\" \"{}\" \"{}\" \"{}\" ./run.sh; . neurocaas_contrib/ncap_utils/workflow.sh; cleanup"#

    init(server: LocalServer, region: String = "us-east-1", command: String = DevFixture.command) async throws {
        self.server = server
        self.region = region
        let tag = UUID().uuidString.prefix(8).lowercased()
        pipeline = "devtest-\(tag)"
        securityGroup = "dev-sg-\(tag)"
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("bpctl-dev-\(tag)")
        dir = root.appendingPathComponent(pipeline)
        home = root.appendingPathComponent("home")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        try writeBlueprint(command: command)
        let c = client()
        do {
            _ = try await c.query(.iam, action: "CreateInstanceProfile", version: "2010-05-08", [("InstanceProfileName", "SSMRole")])
        } catch AWSError.service(let e) where e.code == "EntityAlreadyExists" {}
        _ = try await c.query(.ec2, action: "CreateSecurityGroup", version: "2016-11-15",
                              [("GroupName", securityGroup), ("GroupDescription", "dev")])
        try await S3(c).createBucket(pipeline)
    }

    func writeBlueprint(command: String) throws {
        let text = """
        {
            "PipelineName": "\(pipeline)",
            "REGION": "\(region)",
            "STAGE": "webdev",
            "Lambda": {
                "CodeUri": "../../protocols",
                "Handler": "submit_start.handler_develop",
                "LambdaConfig": {
                    "AMI": "ami-03cf127a",
                    "INSTANCE_TYPE": "t2.micro",
                    "REGION": "\(region)",
                    "IAM_ROLE": "SSMRole",
                    "KEY_NAME": "dev-key",
                    "SECURITY_GROUPS": "\(securityGroup)",
                    "WORKING_DIRECTORY": "~/bin",
                    "COMMAND": "\(command)",
                    "SSM_TIMEOUT": 172000
                }
            },
            "UXData": {"Affiliates": [{"AffiliateName": "debuggers", "UserNames": ["dev"], "UserInput": true, "ContactEmail": "x"}]}
        }
        """
        try Data(text.utf8).write(to: blueprint)
    }

    /// Make the analysis folder a git repository with the blueprint committed (update-blueprint
    /// commits there); the git executable with a fixed identity and no global config.
    @discardableResult
    func git(_ args: String...) throws -> String {
        let env = ["GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null", "HOME": home.path, "PATH": "/usr/bin:/bin"]
        let r = try runProcess(URL(fileURLWithPath: "/usr/bin/git"), ["-C", dir.path] + args, environment: env)
        guard r.status == 0 else { throw NSError(domain: "git", code: Int(r.status), userInfo: [NSLocalizedDescriptionKey: r.stderr]) }
        return r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func initRepository() throws {
        try git("init", "-q", "-b", "main")
        try git("config", "user.name", "Dev Tester")
        try git("config", "user.email", "dev@example.org")
        try Data(".bpctl/\n".utf8).write(to: dir.appendingPathComponent(".gitignore"))
        try git("add", "-A")
        try git("commit", "-q", "-m", "blueprint")
    }

    func cleanup() { try? FileManager.default.removeItem(at: dir.deletingLastPathComponent()) }

    var environment: [String: String] {
        ["AWS_EC2_METADATA_DISABLED": "true", "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_REGION": region,
         "AWS_ENDPOINT_URL": server.endpoint, "HOME": home.path, "PATH": "/usr/bin:/bin", "BPCTL_DEV_POLL_SECONDS": "0.05"]
    }

    func client(transport: HTTPTransport = URLSessionTransport()) -> AWSClient {
        AWSClient(environment: testEnvironment(endpoint: server.endpoint), region: region, transport: transport, retry: RetryPolicy(maxAttempts: 1))
    }

    func put(_ key: String, _ body: String = "x") async throws {
        try await S3(client()).putObject(bucket: pipeline, key: key, body: Array(body.utf8))
    }

    func writeSubmit(_ json: String) throws -> String {
        let p = dir.appendingPathComponent("submit.json")
        try Data(json.utf8).write(to: p)
        return p.path
    }

    struct Run { let status: Int32; let stdout: String; let stderr: String }

    static func binary(_ name: String) -> URL {
        var d = Bundle(for: DevFixture.self).bundleURL
        while !FileManager.default.fileExists(atPath: d.appendingPathComponent(name).path), d.path != "/" { d = d.deletingLastPathComponent() }
        return d.appendingPathComponent(name)
    }

    /// `bpctl dev ARGS` run in the analysis folder.
    func bpctl(_ args: [String]) throws -> Run {
        let r = try runProcess(Self.binary("bpctl"), ["dev"] + args, environment: environment, directory: dir)
        return Run(status: r.status, stdout: r.stdout, stderr: r.stderr)
    }

    /// `neurocaas-contrib remote ARGS` with the analysis named in ~/.neurocaas_contrib_config.json,
    /// as the Python tool's `init` leaves it; run from elsewhere.
    func contrib(_ args: [String]) throws -> Run {
        let config = #"{"analysis_name": "\#(pipeline)", "location": "\#(dir.deletingLastPathComponent().path)"}"#
        try Data(config.utf8).write(to: home.appendingPathComponent(".neurocaas_contrib_config.json"))
        let r = try runProcess(Self.binary("neurocaas-contrib"), ["remote"] + args, environment: environment, directory: home)
        return Run(status: r.status, stdout: r.stdout, stderr: r.stderr)
    }
}

/// Counts requests by action/target, so tests can check how many calls a command makes.
final class CountingTransport: HTTPTransport, @unchecked Sendable {
    let inner = URLSessionTransport()
    private let lock = NSLock()
    private var actions: [String] = []

    func send(_ request: HTTPRequest, timeout: Double) async throws -> HTTPResponse {
        record(request)
        return try await inner.send(request, timeout: timeout)
    }

    func download(_ request: HTTPRequest, timeout: Double) async throws -> (HTTPResponse, URL?) {
        record(request)
        return try await inner.download(request, timeout: timeout)
    }

    private func record(_ r: HTTPRequest) {
        let body = String(decoding: r.body, as: UTF8.self)
        let action = body.split(separator: "&").first { $0.hasPrefix("Action=") }.map { String($0.dropFirst(7)) }
            ?? r.header("X-Amz-Target") ?? "\(r.method) \(r.path)"
        lock.withLock { actions.append(action) }
    }

    func count(_ action: String) -> Int { lock.withLock { actions.filter { $0 == action }.count } }
    func reset() { lock.withLock { actions = [] } }
}
