import Foundation
import TestSupport
import XCTest

/// The `neurocaas-contrib` executable as scripts call it: values alone on stdout, messages on
/// stderr, exit 1 with a sentence for a missing registration, exit 2 for usage errors.
final class ContribCLITests: XCTestCase {
    static let binary: URL = {
        var dir = Bundle(for: ContribCLITests.self).bundleURL
        while !FileManager.default.fileExists(atPath: dir.appendingPathComponent("neurocaas-contrib").path), dir.path != "/" {
            dir = dir.deletingLastPathComponent()
        }
        return dir.appendingPathComponent("neurocaas-contrib")
    }()

    func run(_ args: [String], home: URL) throws -> (Int32, String, String) {
        let r = try runProcess(Self.binary, args, environment: ["HOME": home.path, "AWS_EC2_METADATA_DISABLED": "true", "PATH": "/usr/bin:/bin"])
        return (r.status, r.stdout, r.stderr)
    }

    func testScriptStyleLocalFlow() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("bpctl-contrib-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("job"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try Data("x".utf8).write(to: root.appendingPathComponent("data.txt"))

        let missing = try run(["workflow", "get-datapath"], home: root)
        XCTAssertEqual(missing.0, 1)
        XCTAssertEqual(missing.1, "", "nothing on stdout when there is no value")
        XCTAssertTrue(missing.2.contains("initialize-job"), missing.2)

        XCTAssertEqual(try run(["workflow", "initialize-job", "-p", root.appendingPathComponent("job").path], home: root).0, 0)
        let unregistered = try run(["workflow", "get-data", "-f"], home: root)
        XCTAssertEqual(unregistered.0, 1)
        XCTAssertTrue(unregistered.2.contains("The dataset is not registered"), unregistered.2)
        XCTAssertTrue(unregistered.2.contains("register-dataset"), unregistered.2)

        XCTAssertEqual(try run(["workflow", "register-dataset", "-l", root.appendingPathComponent("data.txt").path], home: root).0, 0)
        let got = try run(["workflow", "get-data", "-f"], home: root)
        XCTAssertEqual(got.0, 0, got.2)
        XCTAssertEqual(got.1, "", "get-data prints no chatter on stdout")
        let path = try run(["workflow", "get-datapath"], home: root)
        XCTAssertEqual(path.1, root.appendingPathComponent("job/inputs/data.txt").path + "\n")
        XCTAssertEqual(try run(["workflow", "get-dataname"], home: root).1, "data.txt\n")

        let usage = try run(["workflow", "register-dataset", "--bogus"], home: root)
        XCTAssertEqual(usage.0, 2)
        XCTAssertFalse(usage.2.contains("Fatal error"))
    }
}
