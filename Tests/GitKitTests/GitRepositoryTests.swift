import Foundation
import GitKit
import TestSupport
import XCTest

/// GitKit against repositories made by the git executable, so libgit2's answers are checked
/// against git's own.
final class GitRepositoryTests: XCTestCase {
    func testDiscoverFindsTheRepositoryFromANestedPathAndNotOutside() throws {
        let fx = try GitFixture()
        try fx.commit(["stacks/a/stack_config_template.json": "{}\n"], message: "first")
        let repo = try XCTUnwrap(GitRepository.discover(containing: fx.path("stacks/a/stack_config_template.json")))
        XCTAssertEqual(URL(fileURLWithPath: repo.workdir).resolvingSymlinksInPath().path, fx.root.resolvingSymlinksInPath().path)
        XCTAssertEqual(repo.relativePath(fx.path("stacks/a/stack_config_template.json")), "stacks/a/stack_config_template.json")
        XCTAssertEqual(repo.relativePath(fx.path("stacks/new/missing.json")), "stacks/new/missing.json", "a file not yet written")
        XCTAssertNil(repo.relativePath("/etc/hosts"))
        // A directory outside any repository.
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("bpctl-nogit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: outside) }
        XCTAssertNil(try GitRepository.discover(containing: outside.path))
        XCTAssertThrowsError(try GitRepository.open(outside.path)) { error in
            XCTAssertEqual((error as? GitError)?.kind, .notARepository)
            XCTAssertTrue("\(error)".contains(outside.path), "\(error)")
        }
    }

    func testHeadIsNilOnAnUnbornBranchAndMatchesGitAfterCommits() throws {
        let fx = try GitFixture()
        let repo = try XCTUnwrap(GitRepository.discover(containing: fx.root.path))
        XCTAssertNil(try repo.headCommitID())
        let first = try fx.commit(["a.json": "1\n"], message: "one")
        XCTAssertEqual(try repo.headCommitID(), first)
        let second = try fx.commit(["a.json": "2\n"], message: "two")
        XCTAssertEqual(try repo.headCommitID(), second)
        XCTAssertEqual(second.count, 40)
    }

    func testResolveNamesCommitsBranchesTagsAndAncestors() throws {
        let fx = try GitFixture()
        let first = try fx.commit(["a.json": "1\n"], message: "one")
        try fx.git("tag", "-a", "v1", "-m", "annotated")
        let second = try fx.commit(["a.json": "2\n"], message: "two")
        let repo = try XCTUnwrap(GitRepository.discover(containing: fx.root.path))
        XCTAssertEqual(try repo.resolve("HEAD"), second)
        XCTAssertEqual(try repo.resolve("HEAD~1"), first)
        XCTAssertEqual(try repo.resolve("main"), second)
        XCTAssertEqual(try repo.resolve("v1"), first, "an annotated tag peels to its commit")
        XCTAssertEqual(try repo.resolve(String(first.prefix(8))), first)
        XCTAssertThrowsError(try repo.resolve("no-such-branch")) { error in
            XCTAssertEqual((error as? GitError)?.kind, .unknownRevision)
            XCTAssertTrue("\(error)".contains("\"no-such-branch\""), "\(error)")
        }
        XCTAssertThrowsError(try repo.resolve("HEAD~5"))
    }

    func testFileContentsAtRevisions() throws {
        let fx = try GitFixture()
        try fx.commit(["stacks/x/b.json": "{\"v\": 1}\n"], message: "one")
        try fx.commit(["stacks/x/b.json": "{\"v\": 2}\n", "other.txt": "o"], message: "two")
        try fx.write("stacks/x/b.json", "{\"v\": 3}\n") // uncommitted: never returned
        let repo = try XCTUnwrap(GitRepository.discover(containing: fx.root.path))
        XCTAssertEqual(String(decoding: try repo.fileContents(at: "HEAD", path: "stacks/x/b.json"), as: UTF8.self), "{\"v\": 2}\n")
        XCTAssertEqual(String(decoding: try repo.fileContents(at: "HEAD~1", path: "stacks/x/b.json"), as: UTF8.self), "{\"v\": 1}\n")
        XCTAssertThrowsError(try repo.fileContents(at: "HEAD~1", path: "other.txt")) { error in
            XCTAssertEqual((error as? GitError)?.kind, .pathNotInRevision)
            XCTAssertTrue("\(error)".contains("other.txt") && "\(error)".contains("HEAD~1"), "\(error)")
        }
        XCTAssertThrowsError(try repo.fileContents(at: "HEAD", path: "stacks/x"), "a directory is not a file")
        XCTAssertThrowsError(try repo.fileContents(at: "nope", path: "other.txt")) { error in
            XCTAssertEqual((error as? GitError)?.kind, .unknownRevision)
        }
    }

    func testVersionsListsEachDistinctCommittedContentNewestFirst() throws {
        let fx = try GitFixture()
        try fx.commit(["b.json": "1"], message: "one")
        try fx.commit(["other": "x"], message: "unrelated")
        try fx.commit(["b.json": "2"], message: "two")
        let repo = try XCTUnwrap(GitRepository.discover(containing: fx.root.path))
        let versions = try repo.versions(of: "b.json")
        XCTAssertEqual(versions.map { String(decoding: $0.contents, as: UTF8.self) }, ["2", "1"])
        XCTAssertEqual(versions.first?.summary, "two")
        XCTAssertEqual(try repo.versions(of: "missing").count, 0)
    }

    func testCommitStagesExactlyThePathsGivenWithTheConfiguredAuthor() throws {
        let fx = try GitFixture()
        try fx.commit(["b.json": "1\n", "staged.txt": "s1\n"], message: "one")
        try fx.write("staged.txt", "s2\n")
        try fx.git("add", "staged.txt") // staged by the user: must stay out of our commit
        try fx.write("b.json", "2\n")
        try fx.write("new/c.json", "c\n")
        let repo = try XCTUnwrap(GitRepository.discover(containing: fx.root.path))
        let id = try repo.commit(paths: ["b.json", fx.path("new/c.json")], message: "automatic commit\n\nbody")
        XCTAssertEqual(try fx.git("rev-parse", "HEAD"), id)
        XCTAssertEqual(try fx.git("log", "-1", "--format=%an <%ae>|%cn|%s"), "Test Author <author@example.org>|Test Author|automatic commit")
        XCTAssertEqual(try fx.git("show", "--name-only", "--format=", "HEAD").split(separator: "\n"), ["b.json", "new/c.json"])
        XCTAssertEqual(try fx.git("show", "HEAD:b.json"), "2")
        // The user's staged change is still staged, and the committed paths are clean.
        XCTAssertEqual(try fx.git("status", "--porcelain"), "M  staged.txt")
        // An unchanged file still gets its record; with allowEmpty false nothing is made.
        let again = try repo.commit(paths: ["b.json"], message: "again")
        XCTAssertNotEqual(again, id)
        XCTAssertEqual(try repo.commit(paths: ["b.json"], message: "skip", allowEmpty: false), again)
        // A deleted file is committed as a removal.
        try FileManager.default.removeItem(atPath: fx.path("new/c.json"))
        try repo.commit(paths: ["new/c.json"], message: "remove")
        XCTAssertEqual(try fx.git("show", "--name-status", "--format=", "HEAD"), "D\tnew/c.json")
        XCTAssertThrowsError(try repo.commit(paths: ["/etc/hosts"], message: "outside"))
    }

    func testFirstCommitOnAnUnbornBranch() throws {
        let fx = try GitFixture()
        try fx.write("b.json", "1\n")
        let repo = try XCTUnwrap(GitRepository.discover(containing: fx.root.path))
        let id = try repo.commit(paths: ["b.json"], message: "root")
        XCTAssertEqual(try repo.headCommitID(), id)
        XCTAssertEqual(try fx.git("rev-list", "--count", "HEAD"), "1")
    }

    func testConflictingIndexIsReportedAndRefusesACommit() throws {
        let fx = try GitFixture()
        try fx.commit(["b.json": "base\n"], message: "base")
        try fx.git("checkout", "-q", "-b", "side")
        try fx.commit(["b.json": "side\n"], message: "side")
        try fx.git("checkout", "-q", "main")
        try fx.commit(["b.json": "main\n"], message: "main")
        XCTAssertThrowsError(try fx.git("merge", "-q", "side"), "the merge must stop on a conflict")
        let repo = try XCTUnwrap(GitRepository.discover(containing: fx.root.path))
        XCTAssertTrue(try repo.hasConflicts())
        let head = try repo.headCommitID()
        XCTAssertThrowsError(try repo.commit(paths: ["b.json"], message: "x")) { error in
            XCTAssertEqual((error as? GitError)?.kind, .conflicts)
            XCTAssertNotNil((error as? GitError)?.hint)
        }
        XCTAssertEqual(try repo.headCommitID(), head, "nothing was committed")
        try fx.git("merge", "--abort")
        XCTAssertFalse(try repo.hasConflicts())
    }

    func testMissingIdentityIsAnErrorWithAHint() throws {
        let fx = try GitFixture()
        try fx.commit(["b.json": "1\n"], message: "one")
        // A local empty name overrides any global identity on the machine running the test.
        try fx.git("config", "user.name", "")
        try fx.write("b.json", "2\n")
        let repo = try XCTUnwrap(GitRepository.discover(containing: fx.root.path))
        XCTAssertThrowsError(try repo.commit(paths: ["b.json"], message: "x")) { error in
            XCTAssertEqual((error as? GitError)?.kind, .identity)
            XCTAssertTrue((error as? GitError)?.hint?.contains("git config user.name") ?? false)
        }
    }
}
