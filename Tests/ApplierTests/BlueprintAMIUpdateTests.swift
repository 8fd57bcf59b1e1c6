import Applier
import BlueprintKit
import Foundation
import GitKit
import TestSupport
import XCTest

/// The blueprint half of `ami create`: two commits with the history's messages, only the AMI's
/// bytes changed (JSON and YAML), other staged files left out, git problems found first.
final class BlueprintAMIUpdateTests: XCTestCase {
    func assertOnlyAMIChanged(_ before: String, _ after: String, old: String, new: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(after, before.replacingOccurrences(of: old, with: new), file: file, line: line)
        let a = Array(before.utf8), b = Array(after.utf8)
        let prefix = zip(a, b).prefix { $0 == $1 }.count
        let suffix = zip(a.reversed(), b.reversed()).prefix { $0 == $1 }.count
        let start = Array(before.utf8).firstRange(of: Array(old.utf8))!.lowerBound
        XCTAssertGreaterThanOrEqual(prefix, start, "nothing before the AMI changed", file: file, line: line)
        XCTAssertGreaterThanOrEqual(suffix, a.count - start - old.utf8.count, "nothing after the AMI changed", file: file, line: line)
    }

    func testTwoCommitsWithTheHistorysMessagesAndOnlyTheAMIBytes() throws {
        for yaml in [false, true] {
            let repo = try BlueprintRepo(yaml: yaml)
            let original = try repo.text()
            // A pending hand edit (captured by the before commit) and an unrelated staged file.
            let edited = original.replacingOccurrences(of: "t2.micro", with: "m5.large")
            try repo.git.write(repo.relative, edited)
            try repo.git.write("other.txt", "staged elsewhere\n")
            try repo.git.git("add", "other.txt")
            let outcome = try BlueprintAMIUpdate(blueprint: repo.path).apply(ami: "ami-0123456789abcdef0", message: "new torch")
            XCTAssertEqual(outcome.previousAMI, "ami-00000000000000001")
            XCTAssertTrue(outcome.changed)
            assertOnlyAMIChanged(edited, try repo.text(), old: "ami-00000000000000001", new: "ami-0123456789abcdef0")
            let file = (repo.relative as NSString).lastPathComponent
            let log = try repo.log()
            XCTAssertEqual(log.count, 3)
            XCTAssertNotNil(log[1].range(of: #"^automatic commit to document pipeline \#(file) before update at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}$"#, options: .regularExpression), log[1])
            XCTAssertNotNil(log[0].range(of: #"^automatic commit to document pipeline \#(file) after update at [0-9 :.-]+\. Purpose: new torch\. AMI: ami-0123456789abcdef0$"#, options: .regularExpression), log[0])
            XCTAssertEqual(try repo.git.git("rev-parse", "HEAD"), outcome.afterCommit)
            XCTAssertEqual(try repo.git.git("rev-parse", "HEAD~1"), outcome.beforeCommit)
            XCTAssertEqual(try repo.git.git("show", "HEAD~1:" + repo.relative), edited.trimmingCharacters(in: .newlines), "the hand edit is in the before commit")
            XCTAssertEqual(try repo.git.git("show", "--name-only", "--format=", "HEAD~1"), repo.relative, "other staged files are not committed")
            XCTAssertEqual(try repo.git.git("log", "-1", "--format=%an"), "Test Author")
            XCTAssertEqual(try repo.git.git("status", "--porcelain"), "A  other.txt")
        }
    }

    func testAlreadyUpToDateMakesOnlyTheBeforeCommit() throws {
        let repo = try BlueprintRepo()
        let outcome = try BlueprintAMIUpdate(blueprint: repo.path).apply(ami: "ami-00000000000000001", message: nil)
        XCTAssertFalse(outcome.changed)
        XCTAssertEqual(try repo.log().count, 2)
    }

    func testConflictsAndMissingRepositoryAreRefusedBeforeAnyChange() throws {
        let repo = try BlueprintRepo()
        try repo.git.git("checkout", "-q", "-b", "side")
        try repo.git.commit(["README.md": "side\n"], message: "side")
        try repo.git.git("checkout", "-q", "main")
        try repo.git.commit(["README.md": "main\n"], message: "main")
        XCTAssertThrowsError(try repo.git.git("merge", "-q", "side"))
        let before = try repo.text()
        XCTAssertThrowsError(try BlueprintAMIUpdate(blueprint: repo.path).apply(ami: "ami-0123456789abcdef0", message: nil)) { error in
            XCTAssertTrue("\(error)".contains("unresolved conflicts"), "\(error)")
        }
        XCTAssertEqual(try repo.text(), before)

        let loose = FileManager.default.temporaryDirectory.appendingPathComponent("bpctl-nogit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: loose, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: loose) }
        let path = loose.appendingPathComponent("stack_config_template.json").path
        try BlueprintRepo.json(pipeline: "p", ami: "ami-1").write(toFile: path, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try BlueprintAMIUpdate(blueprint: path).apply(ami: "ami-2", message: nil)) { error in
            XCTAssertTrue("\(error)".contains("is not in a git repository"), "\(error)")
        }
        XCTAssertTrue(try String(contentsOfFile: path, encoding: .utf8).contains("\"ami-1\""))
    }

    func testAGitFailureLeavesTheBlueprintAsItWas() throws {
        let repo = try BlueprintRepo()
        let before = try repo.text()
        // Another git process holds the index: the commit cannot be made.
        try Data().write(to: repo.git.root.appendingPathComponent(".git/index.lock"))
        XCTAssertThrowsError(try BlueprintAMIUpdate(blueprint: repo.path).apply(ami: "ami-0123456789abcdef0", message: nil)) { error in
            XCTAssertTrue("\(error)".contains("git could not record"), "\(error)")
            XCTAssertTrue("\(error)".contains("not changed"), "\(error)")
        }
        XCTAssertEqual(try repo.text(), before)
        XCTAssertEqual(try repo.log().count, 1)
    }
}
