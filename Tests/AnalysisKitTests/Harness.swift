import AWSClient
import Foundation
import TestSupport
import XCTest

/// Runs the built binaries (bpctl, neurocaas-contrib) as users do, with temp folders and moto.
enum Harness {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// ../shared beside the checkout, or BPCTL_SHARED (as the other test targets).
    static let shared: URL = ProcessInfo.processInfo.environment["BPCTL_SHARED"].map { URL(fileURLWithPath: $0) }
        ?? repo.deletingLastPathComponent().appendingPathComponent("shared")

    static func binary(_ name: String) -> URL {
        var dir = Bundle(for: JobExamplesTests.self).bundleURL
        while !FileManager.default.fileExists(atPath: dir.appendingPathComponent(name).path), dir.path != "/" {
            dir = dir.deletingLastPathComponent()
        }
        return dir.appendingPathComponent(name)
    }

    struct Run: Sendable {
        let status: Int32
        let stdout: String
        let stderr: String
        var all: String { stdout + stderr }
    }

    /// Stdin is /dev/null (never a TTY), so a prompt would show as a hang or EOF failure.
    static func run(_ tool: String, _ args: [String], cwd: URL? = nil, env: [String: String] = [:]) throws -> Run {
        var environment = ["PATH": "/usr/bin:/bin", "HOME": "/nonexistent-home", "AWS_EC2_METADATA_DISABLED": "true", "NO_COLOR": "1"]
        environment.merge(env) { $1 }
        // Through sh so stdin is /dev/null whatever the test runner's stdin is.
        let r = try runProcess(URL(fileURLWithPath: "/bin/sh"), ["-c", "exec \"$0\" \"$@\" </dev/null", binary(tool).path] + args,
                               environment: environment, directory: cwd ?? repo)
        return Run(status: r.status, stdout: r.stdout, stderr: r.stderr)
    }

    /// Environment that points the binaries at a moto server.
    static func motoEnv(_ server: LocalServer) -> [String: String] {
        ["AWS_ENDPOINT_URL": server.endpoint, "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing",
         "AWS_REGION": "us-east-1", "AWS_MAX_ATTEMPTS": "2"]
    }

    static func client(_ server: LocalServer) -> AWSClient {
        AWSClient(environment: testEnvironment(endpoint: server.endpoint), region: "us-east-1")
    }
}

extension XCTestCase {
    func tempDir() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("analysiskit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return dir
    }

    func write(_ text: String, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }
}
