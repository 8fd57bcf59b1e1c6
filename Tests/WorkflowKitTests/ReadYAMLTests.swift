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

    /// Deep nesting is refused with a message, never a stack overflow (the fuzzer found 4,000
    /// unclosed `[` crashing the debug build); nesting below the limit (512) still reads.
    func testDeepNestingIsRefusedNotACrash() throws {
        let unclosed = try readYAML("a: &a " + String(repeating: "[", count: 4_000) + "\n", "a")
        XCTAssertEqual(unclosed.status, 1, unclosed.stderr)
        XCTAssertTrue(unclosed.stderr.contains("nesting deeper than 512 levels is refused"), unclosed.stderr)
        let deep = try readYAML("a: " + String(repeating: "[", count: 600) + String(repeating: "]", count: 600) + "\nb: ok\n", "b")
        XCTAssertEqual(deep.status, 1)
        XCTAssertTrue(deep.stderr.contains("line 1, column 515: nesting deeper"), deep.stderr)  // the 512th `[`: the top mapping is level 0
        let fine = try readYAML("a: " + String(repeating: "[", count: 500) + "1" + String(repeating: "]", count: 500) + "\nb: ok\n", "b")
        XCTAssertEqual(fine.status, 0, fine.stderr)
        XCTAssertEqual(fine.stdout, "ok\n")
    }

    /// Each line nests the one before through an alias, so the value is 5,000 levels deep though
    /// no line is: printing it is refused (it overflowed the stack), the lines above still print.
    func testAliasChainNestingIsRefusedNotACrash() throws {
        var yaml = "l0: &l0 [x]\n"
        for i in 1..<5_000 { yaml += "l\(i): &l\(i) [*l\(i - 1)]\n" }
        let deep = try readYAML(yaml, "l4999")
        XCTAssertEqual(deep.status, 1, deep.stderr)
        XCTAssertTrue(deep.stderr.contains("the value nests deeper than 1000 levels"), deep.stderr)
        let printable = try readYAML(yaml, "l900")
        XCTAssertEqual(printable.status, 0, "python3 prints a chain of 900 too: \(printable.stderr)")
        let shallow = try readYAML(yaml, "l2")
        XCTAssertEqual(shallow.status, 0, shallow.stderr)
        XCTAssertEqual(shallow.stdout, "[['x']] \n", "a top-level list prints its items, each followed by a space")
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
