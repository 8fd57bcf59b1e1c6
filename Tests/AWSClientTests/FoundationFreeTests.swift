import Foundation
@testable import PlatformSupport
import XCTest
@testable import AWSClient

/// What replaced Foundation in AWSClient besides JSON and ISO 8601 (JSONEquivalenceTests,
/// ISO8601TimestampTests): each against the Foundation call it stands in for.
final class FoundationFreeTests: XCTestCase {
    func testHomeDirectoryIsNSHomeDirectory() {
        XCTAssertEqual(HomeDirectory.current, NSHomeDirectory())
        // The password database's entry, which NSHomeDirectory falls back to without $HOME.
        XCTAssertEqual(HomeDirectory.passwordEntry(), NSHomeDirectoryForUser(NSUserName()))
    }

    func testDetachedThreadRunsEachBodyOnceOffTheCallingThread() {
        let caller = pthread_self()
        let done = expectation(description: "all bodies ran")
        done.expectedFulfillmentCount = 50
        let ranHere = NSLock()
        nonisolated(unsafe) var onCaller = 0
        for _ in 0..<50 {
            XCTAssertTrue(DetachedThread.start {
                if pthread_equal(pthread_self(), caller) != 0 { ranHere.withLock { onCaller += 1 } }
                done.fulfill()
            })
        }
        wait(for: [done], timeout: 10)
        XCTAssertEqual(ranHere.withLock { onCaller }, 0)
    }

    /// FileHandle's readData(ofLength:) and readDataToEndOfFile() on the same file.
    func testFileReaderReadsAsFileHandle() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("bpctl-reader-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let bytes = (0..<100_003).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
        let ours = try XCTUnwrap(FileReader(path: path))
        let theirs = try XCTUnwrap(FileHandle(forReadingAtPath: path))
        defer { try? theirs.close() }
        XCTAssertEqual(ours.size, try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        for length in [1, 4096, 65_536, 30_000, 1] {
            XCTAssertEqual(try ours.read(upTo: length), [UInt8](theirs.readData(ofLength: length)), "read(upTo: \(length))")
        }
        XCTAssertEqual(try ours.readToEnd(), [UInt8](theirs.readDataToEndOfFile()))
        XCTAssertEqual(try ours.read(upTo: 10), [])
        XCTAssertNil(FileReader(path: path + ".missing"))
        XCTAssertNil(FileHandle(forReadingAtPath: path + ".missing"))
    }

    /// The stdlib's firstRange(of:) where ConfigFiles and Endpoints used range(of:).
    func testFirstRangeIsRangeOf() {
        for s in ["key = value # comment", "a #b #c", "#x", "no comment", "", "é # ü", "http://127.0.0.1:5000/", "https://", "://x", "x:/y"] {
            for needle in [" #", "://"] {
                XCTAssertEqual(s.firstRange(of: needle), s.range(of: needle), "\(s) / \(needle)")
            }
        }
    }
}
