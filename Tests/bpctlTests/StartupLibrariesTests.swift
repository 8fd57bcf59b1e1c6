import Foundation
import TestSupport
import XCTest

/// Offline commands must not pay for the network stack: no libcurl, libxml2 or libcrypto in
/// the process (issue 13). Checked with the loader's own report (LD_DEBUG=libs), which also
/// sees libraries opened later with dlopen; a network command is the control that the check
/// can fail.
final class StartupLibrariesTests: XCTestCase {
    private func libraries(_ args: [String], env: [String: String] = [:]) throws -> (ProcessResult, Set<String>) {
        let (r, libs) = try loadedLibraries(CLITests.binary, args, environment: env, directory: CLITests.repo)
        guard let libs else { throw XCTSkip("the dynamic loader does not report libraries (not glibc)") }
        XCTAssertTrue(libs.contains { $0.hasPrefix("libc.so") }, "the report lists libc: \(libs.sorted())")
        return (r, libs)
    }

    func testOfflineCommandsLoadNoNetworkLibrary() throws {
        let runs: [[String]] = [
            ["--version"], ["--help"], ["validate", "examples/clean", "examples/broken"], ["validate", "--format", "sarif", "examples/clean"],
            ["rules"], ["schema"], ["validate", "--help"],
        ]
        for args in runs {
            let (r, libs) = try libraries(args)
            XCTAssertFalse(r.stderr.contains("Fatal error"), "\(args): \(r.stderr)")
            XCTAssertEqual(networkLibraries(in: libs), [], "bpctl \(args.joined(separator: " ")) loaded a network library")
        }
    }

    func testANetworkCommandLoadsLibcurlOnFirstRequest() throws {
        let server = try LocalServer.fake(["retry", "0", "200", ""])
        defer { server.stop() }
        let (r, libs) = try libraries(["whoami", "--json"], env: [
            "AWS_ENDPOINT_URL": server.endpoint, "AWS_ACCESS_KEY_ID": "AKIAFAKE", "AWS_SECRET_ACCESS_KEY": "fake",
            "AWS_REGION": "us-east-1", "AWS_EC2_METADATA_DISABLED": "true",
        ])
        XCTAssertEqual(r.status, 0, r.stderr.split(separator: "\n").filter { !$0.contains("\t") }.joined(separator: "\n"))
        XCTAssertTrue(r.stdout.contains("111122223333"), r.stdout)
        XCTAssertTrue(libs.contains { $0.hasPrefix("libcurl") }, "whoami opened libcurl: \(libs.sorted())")
        XCTAssertFalse(libs.contains { $0.hasPrefix("libxml2") }, "AWS XML is read without libxml2")
    }

    func testMissingLibcurlIsAClearErrorNotACrash() throws {
        let r = try runProcess(CLITests.binary, ["whoami"], environment: [
            "BPCTL_LIBCURL": "/nonexistent/libcurl.so.4", "AWS_ENDPOINT_URL": "http://127.0.0.1:9", "HOME": "/nonexistent",
            "AWS_ACCESS_KEY_ID": "AKIAFAKE", "AWS_SECRET_ACCESS_KEY": "fake", "AWS_REGION": "us-east-1", "AWS_EC2_METADATA_DISABLED": "true",
        ])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("libcurl could not be loaded (/nonexistent/libcurl.so.4: cannot open shared object file"), r.stderr)
        XCTAssertTrue(r.stderr.contains("apt-get install libcurl4"), r.stderr)
        XCTAssertFalse(r.stderr.contains("after"), "not retried: \(r.stderr)")
        XCTAssertFalse(r.stderr.contains("Fatal error"), r.stderr)
    }

    /// `--version` is answered before ArgumentParser (for start-up time); it must say what
    /// ArgumentParser says when the flag comes with anything else.
    func testVersionFastPathMatchesArgumentParser() throws {
        let fast = try runProcess(CLITests.binary, ["--version"])
        let parsed = try runProcess(CLITests.binary, ["validate", "--version"])
        XCTAssertEqual(fast.status, 0)
        XCTAssertEqual(fast.stdout, parsed.stdout)
        XCTAssertTrue(fast.stdout.range(of: #"^\d+\.\d+\.\d+\n$"#, options: .regularExpression) != nil, fast.stdout)
    }
}
