import Applier
import Foundation
import XCTest

/// The apply lock and the journal: contention names the unlock command, force-unlock needs the
/// right id, journals survive a restart and resume only the same operation, and refuse secrets.
final class LockJournalTests: XCTestCase {
    func blueprintPath() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bpctl-lock-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("stack_config_template.json").path
        try Data("{}".utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    func testSecondHolderIsRefusedWithTheExactUnlockCommand() throws {
        let blueprint = try blueprintPath()
        let first = try ApplyLock.acquire(blueprint: blueprint, operation: "apply")
        XCTAssertEqual(ApplyLock.current(blueprint: blueprint)?.id, first.holder.id)
        XCTAssertEqual(ApplyLock.current(blueprint: blueprint)?.operation, "apply")
        let dir = URL(fileURLWithPath: blueprint).deletingLastPathComponent().path
        XCTAssertThrowsError(try ApplyLock.acquire(blueprint: blueprint, operation: "ami create")) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("is locked by"), text)
            XCTAssertTrue(text.contains("for \"apply\""), text)
            XCTAssertTrue(text.contains("bpctl force-unlock \(first.holder.id) \(dir)"), text)
        }
        first.release()
        XCTAssertNil(ApplyLock.current(blueprint: blueprint))
        let second = try ApplyLock.acquire(blueprint: blueprint, operation: "apply")
        second.release()
    }

    func testLockTimeoutWaitsForTheHolder() throws {
        let blueprint = try blueprintPath()
        let first = try ApplyLock.acquire(blueprint: blueprint, operation: "apply")
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.3) { first.release() }
        let start = Date()
        let second = try ApplyLock.acquire(blueprint: blueprint, operation: "apply", timeout: 5, pollInterval: 0.05)
        XCTAssertGreaterThan(Date().timeIntervalSince(start), 0.2)
        second.release()
        let third = try ApplyLock.acquire(blueprint: blueprint, operation: "apply")
        XCTAssertThrowsError(try ApplyLock.acquire(blueprint: blueprint, operation: "apply", timeout: 0.2, pollInterval: 0.05)) {
            XCTAssertTrue("\($0)".contains("waited 0 s") || "\($0)".contains("is locked"), "\($0)")
        }
        third.release()
    }

    func testForceUnlockNeedsTheRightId() throws {
        let blueprint = try blueprintPath()
        let dir = URL(fileURLWithPath: blueprint).deletingLastPathComponent().path
        let lock = try ApplyLock.acquire(blueprint: blueprint, operation: "apply")
        XCTAssertThrowsError(try ApplyLock.forceUnlock(id: "wrong", directory: dir)) { XCTAssertTrue("\($0)".contains("not wrong"), "\($0)") }
        XCTAssertNotNil(ApplyLock.current(blueprint: blueprint))
        XCTAssertEqual(try ApplyLock.forceUnlock(id: lock.holder.id, directory: blueprint).id, lock.holder.id)
        XCTAssertNil(ApplyLock.current(blueprint: blueprint))
        // The old holder's release must not remove a newer lock.
        let newer = try ApplyLock.acquire(blueprint: blueprint, operation: "apply")
        lock.release()
        XCTAssertEqual(ApplyLock.current(blueprint: blueprint)?.id, newer.holder.id)
        newer.release()
        XCTAssertThrowsError(try ApplyLock.forceUnlock(id: "x", directory: dir)) { XCTAssertTrue("\($0)".contains("no lock"), "\($0)") }
    }

    func testJournalResumesOnlyTheSameUnfinishedOperation() throws {
        let blueprint = try blueprintPath()
        let subject = ["instance": "i-1"]
        let journal = try Journal.begin(blueprint: blueprint, operation: "ami create", subject: subject, resume: false)
        try journal.record("create-image", result: ["image": "ami-1"])
        // On disk after each record, as JSON another process can read.
        XCTAssertEqual(Journal.load(blueprint: blueprint)?.steps.map(\.id), ["create-image"])
        let resumed = try Journal.begin(blueprint: blueprint, operation: "ami create", subject: subject, resume: true)
        XCTAssertEqual(resumed.completed("create-image"), ["image": "ami-1"])
        XCTAssertEqual(resumed.document.run, journal.document.run)
        // Another subject, or no --resume, starts afresh.
        XCTAssertNil(try Journal.begin(blueprint: blueprint, operation: "ami create", subject: ["instance": "i-2"], resume: true).completed("create-image"))
        let fresh = try Journal.begin(blueprint: blueprint, operation: "ami create", subject: subject, resume: false)
        XCTAssertNil(fresh.completed("create-image"))
        try fresh.record("create-image", result: ["image": "ami-2"])
        try fresh.complete()
        XCTAssertNil(try Journal.begin(blueprint: blueprint, operation: "ami create", subject: subject, resume: true).completed("create-image"),
                     "a completed run is not resumed")
    }

    func testJournalRefusesSecretLookingValues() throws {
        let blueprint = try blueprintPath()
        let journal = try Journal.begin(blueprint: blueprint, operation: "apply", subject: [:], resume: false)
        XCTAssertThrowsError(try journal.record("credentials", result: ["SecretAccessKey": "abc"]))
        XCTAssertThrowsError(try journal.record("x", result: ["session_token": "abc"]))
        let text = try String(contentsOfFile: Journal.path(forBlueprint: blueprint), encoding: .utf8)
        XCTAssertFalse(text.contains("abc"))
    }
}
