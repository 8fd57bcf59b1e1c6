import Foundation
import TestSupport
import XCTest

/// Analysis scripts call the getters and read-yaml dozens of times a job: they must not load
/// libcurl, libxml2 or libcrypto (issue 13). The loader's report (LD_DEBUG=libs) also sees
/// libraries opened later with dlopen; an S3 fetch is the control that the check can fail.
final class ContribStartupLibrariesTests: XCTestCase {
    func testOfflineCommandsLoadNoNetworkLibrary() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("bpctl-libs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("job"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try Data("x".utf8).write(to: root.appendingPathComponent("data.txt"))
        try Data("mode: fast\n".utf8).write(to: root.appendingPathComponent("c.yaml"))
        let env = ["HOME": root.path, "AWS_EC2_METADATA_DISABLED": "true", "PATH": "/usr/bin:/bin"]
        let runs: [[String]] = [
            ["--help"],
            ["workflow", "initialize-job", "-p", root.appendingPathComponent("job").path],
            ["workflow", "register-dataset", "-l", root.appendingPathComponent("data.txt").path],
            ["workflow", "get-data", "-f"],
            ["workflow", "get-dataname"], ["workflow", "get-datapath"],
            ["scripting", "read-yaml", "-p", root.appendingPathComponent("c.yaml").path, "-f", "mode", "-d", "x"],
        ]
        for args in runs {
            let (r, libs) = try loadedLibraries(ContribCLITests.binary, args, environment: env)
            guard let libs else { throw XCTSkip("the dynamic loader does not report libraries (not glibc)") }
            XCTAssertEqual(r.status, 0, "\(args): \(r.stderr.split(separator: "\n").filter { !$0.contains("\t") })")
            XCTAssertTrue(libs.contains { $0.hasPrefix("libc.so") }, "the report lists libc: \(libs.sorted())")
            XCTAssertEqual(networkLibraries(in: libs), [], "neurocaas-contrib \(args.joined(separator: " ")) loaded a network library")
        }
    }

    func testAnS3FetchLoadsLibcurl() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("bpctl-libs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("job"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let server = try LocalServer.fake(["retry", "99", "404", "NoSuchKey"])
        defer { server.stop() }
        let env = ["HOME": root.path, "AWS_EC2_METADATA_DISABLED": "true", "PATH": "/usr/bin:/bin", "AWS_ENDPOINT_URL": server.endpoint,
                   "AWS_ACCESS_KEY_ID": "AKIAFAKE", "AWS_SECRET_ACCESS_KEY": "fake", "AWS_REGION": "us-east-1"]
        _ = try runProcess(ContribCLITests.binary, ["workflow", "initialize-job", "-p", root.appendingPathComponent("job").path], environment: env)
        _ = try runProcess(ContribCLITests.binary, ["workflow", "register-dataset", "-b", "bucket", "-k", "inputs/d.txt"], environment: env)
        let (r, libs) = try loadedLibraries(ContribCLITests.binary, ["workflow", "get-data", "-f"], environment: env)
        guard let libs else { throw XCTSkip("the dynamic loader does not report libraries (not glibc)") }
        XCTAssertEqual(r.status, 1, "the fake answers 404")
        XCTAssertTrue(libs.contains { $0.hasPrefix("libcurl") }, "get-data from S3 opened libcurl: \(libs.sorted())")
    }
}
