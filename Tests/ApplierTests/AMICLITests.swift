import AWSClient
import Foundation
import TestSupport
import XCTest

/// The `bpctl ami` and `force-unlock` commands through the binary against moto: output, exit
/// codes, the confirmation prompt, lock contention.
final class AMICLITests: XCTestCase {
    nonisolated(unsafe) static var moto: LocalServer?
    override class func setUp() { super.setUp(); moto = try? LocalServer.moto() }
    override class func tearDown() { moto?.stop(); super.tearDown() }

    func bpctl(_ args: [String], input: String = "", cwd: URL) throws -> CLIResult {
        guard let moto = Self.moto else { throw XCTSkip("moto_server is not installed") }
        return try runBpctl(args, input: input, cwd: cwd, endpoint: moto.endpoint)
    }

    func testCreateListPruneAndUnlock() async throws {
        guard let moto = Self.moto else { throw XCTSkip("moto_server is not installed") }
        let client = AWSClient(environment: testEnvironment(endpoint: moto.endpoint), region: "us-east-1", retry: RetryPolicy(maxAttempts: 1))
        let ec2 = EC2(client)
        let amazon = try await ec2.describeImages(owners: ["amazon"])
        let instances = try await ec2.runInstances(imageID: try XCTUnwrap(amazon.first?.id), type: "t2.micro")
        let instance = try XCTUnwrap(instances.first)
        let repo = try BlueprintRepo()
        let dir = URL(fileURLWithPath: repo.path).deletingLastPathComponent()

        let create = try bpctl(["ami", "create", "--instance", instance, "--blueprint", "stack_config_template.json",
                                "-m", "cli run", "--poll-interval", "0.05"], cwd: dir)
        XCTAssertEqual(create.status, 0, create.stderr)
        let image = try XCTUnwrap(create.stdout.split(separator: " ").dropFirst().first.map(String.init))
        XCTAssertTrue(create.stdout.contains("AMI ami-00000000000000001 -> \(image)"), create.stdout)
        XCTAssertTrue(create.stdout.contains("new commit has hash: "), create.stdout)
        XCTAssertTrue(create.stderr.contains("creating an image of \(instance)"), create.stderr)
        XCTAssertTrue(try repo.text().contains("\"AMI\": \"\(image)\""))

        let stray = try await ec2.createImage(instanceID: instance, name: "stray-\(repo.pipeline)", description: nil,
                                              tags: ["bpctl:pipeline": repo.pipeline])
        let list = try bpctl(["ami", "list"], cwd: dir)
        XCTAssertEqual(list.status, 0, list.stderr)
        XCTAssertTrue(list.stdout.hasPrefix("IMAGE"), list.stdout)
        XCTAssertTrue(list.stdout.contains(repo.relative), list.stdout)

        let declined = try bpctl(["ami", "prune"], input: "no\n", cwd: dir)
        XCTAssertEqual(declined.status, 1)
        XCTAssertTrue(declined.stdout.contains("Plan: deregister 1 image") && declined.stdout.contains(stray), declined.stdout)
        XCTAssertTrue(declined.stderr.contains("Prune cancelled."), declined.stderr)
        let stillThere = try await ec2.describeImageDetails(ids: [stray])
        XCTAssertEqual(stillThere.first?.state, "available")
        let approved = try bpctl(["ami", "prune"], input: "yes\n", cwd: dir)
        XCTAssertEqual(approved.status, 0, approved.stderr)
        XCTAssertTrue(approved.stdout.contains("Deregistered \(stray)."), approved.stdout)
        XCTAssertTrue(try bpctl(["ami", "prune", "--auto-approve"], cwd: dir).stdout.contains("Nothing to prune"))

        // A held lock refuses the run with the unlock command, which then works as printed.
        try FileManager.default.createDirectory(at: dir.appendingPathComponent(".bpctl"), withIntermediateDirectories: true)
        let lockJSON = #"{"created":"2026-01-01T00:00:00Z","host":"elsewhere","id":"abc-123","operation":"apply","pid":1,"who":"someone"}"#
        try Data(lockJSON.utf8).write(to: dir.appendingPathComponent(".bpctl/lock"))
        let locked = try bpctl(["ami", "create", "--instance", instance, "--blueprint", "stack_config_template.json"], cwd: dir)
        XCTAssertEqual(locked.status, 1)
        XCTAssertTrue(locked.stderr.contains("locked by someone@elsewhere") && locked.stderr.contains("bpctl force-unlock abc-123\n"), locked.stderr)
        XCTAssertEqual(try bpctl(["force-unlock", "nope"], cwd: dir).status, 1)
        let unlock = try bpctl(["force-unlock", "abc-123"], cwd: dir)
        XCTAssertEqual(unlock.status, 0, unlock.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent(".bpctl/lock").path))
    }

    func testUsageErrorsExitTwo() throws {
        let dir = FileManager.default.temporaryDirectory
        XCTAssertEqual(try bpctl(["ami", "create"], cwd: dir).status, 2, "--instance is required")
        let missing = try bpctl(["ami", "create", "--instance", "i-1", "--blueprint", "/nonexistent/stack_config_template.json"], cwd: dir)
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("no such file"), missing.stderr)
        XCTAssertEqual(try bpctl(["ami", "create", "--instance", "i-1", "--resume"], cwd: dir).status, 2)
    }
}

struct CLIResult {
    let status: Int32
    let stdout: String
    let stderr: String
}

/// Run the built bpctl with the test AWS environment (endpoint: moto) and `input` on stdin.
func runBpctl(_ args: [String], input: String = "", cwd: URL, endpoint: String) throws -> CLIResult {
    var dir = Bundle(for: AMICLITests.self).bundleURL
    while !FileManager.default.fileExists(atPath: dir.appendingPathComponent("bpctl").path), dir.path != "/" {
        dir = dir.deletingLastPathComponent()
    }
    let p = Process()
    p.executableURL = dir.appendingPathComponent("bpctl")
    p.arguments = args
    p.currentDirectoryURL = cwd
    var env = ProcessInfo.processInfo.environment
    env.merge(["AWS_ENDPOINT_URL": endpoint, "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing",
               "AWS_EC2_METADATA_DISABLED": "true", "AWS_MAX_ATTEMPTS": "1", "NO_COLOR": "1"]) { $1 }
    env["AWS_PROFILE"] = nil
    p.environment = env
    let stdin = Pipe(), out = Pipe(), err = Pipe()
    p.standardInput = stdin
    p.standardOutput = out
    p.standardError = err
    try p.run()
    stdin.fileHandleForWriting.write(Data(input.utf8))
    try stdin.fileHandleForWriting.close()
    nonisolated(unsafe) var errData = Data()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async { errData = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
    let o = out.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    p.waitUntilExit()
    return CLIResult(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
}
