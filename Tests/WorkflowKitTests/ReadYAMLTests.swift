import Foundation
import TestSupport
import XCTest
@testable import WorkflowCore
import WorkflowKit

/// read-yaml as scripts run it: duplicate keys accepted (last wins), complex keys and alias
/// bombs refused with a sentence instead of a signal or unbounded work.
final class ReadYAMLTests: XCTestCase {
    var root: URL!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("bpctl-readyaml-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: root) }

    func readYAML(_ yaml: String, _ field: String) throws -> ProcessResult {
        let file = root.appendingPathComponent("c.yaml")
        try Data(yaml.utf8).write(to: file)
        return try runProcess(ContribCLITests.binary, ["scripting", "read-yaml", "-p", file.path, "-f", field],
                              environment: ["HOME": root.path, "PATH": "/usr/bin:/bin"])
    }

    func testDuplicateKeysLastValueWins() throws {
        XCTAssertEqual(try readYAML("a: 1\nb: 2\na: 3\n", "b").stdout, "2\n")
        let a = try readYAML("a: 1\nb: 2\na: 3\n", "a")
        XCTAssertEqual(a.status, 0, a.stderr)
        XCTAssertEqual(a.stdout, "3\n")
    }

    func testComplexKeysAreRefusedWithAMessage() throws {
        for yaml in ["? c:\n", "? [a]\n: 1\n", "{a: 1}: 2\n", "x: 1\n? {k: v}\n: 2\n"] {
            let r = try readYAML(yaml, "x")
            XCTAssertEqual(r.status, 1, "\(yaml): \(r.stderr)")
            XCTAssertTrue(r.stderr.contains("unhashable key"), r.stderr)
        }
    }

    /// Nine levels of ten aliases: 10⁹ nodes if expanded. Reading a plain field builds each node
    /// once; printing the bomb itself stops at the expansion limit.
    func testAliasBombIsBounded() throws {
        var yaml = "plain: ok\nl0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for i in 1...9 {
            yaml += "l\(i): &l\(i) [" + Array(repeating: "*l\(i - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        let plain = try readYAML(yaml, "plain")
        XCTAssertEqual(plain.status, 0, plain.stderr)
        XCTAssertEqual(plain.stdout, "ok\n")
        let bomb = try readYAML(yaml, "l9")
        XCTAssertEqual(bomb.status, 1)
        XCTAssertTrue(bomb.stderr.contains("more than \(ReadYAML.maxExpandedNodes) nodes"), bomb.stderr)
        XCTAssertEqual(bomb.stdout, "")
    }

    func testNotAMappingAndMissingFile() throws {
        XCTAssertEqual(try readYAML("- a\n", "a").status, 1)
        let missing = try runProcess(ContribCLITests.binary, ["scripting", "read-yaml", "-p", root.appendingPathComponent("nope").path, "-f", "a"])
        XCTAssertEqual(missing.status, 2, "a path that does not exist is a usage error, as click's Path(exists=True)")
        XCTAssertTrue(missing.stderr.contains("does not exist"), missing.stderr)
        let directory = try runProcess(ContribCLITests.binary, ["scripting", "read-yaml", "-p", root.path, "-f", "a"])
        XCTAssertEqual(directory.status, 1)
        XCTAssertTrue(directory.stderr.contains("cannot read"), directory.stderr)
    }
}
