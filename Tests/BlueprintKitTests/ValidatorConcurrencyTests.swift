import Foundation
import XCTest
@testable import BlueprintKit

/// Checking on threads (above Validator.Concurrency.concurrentBytes, or forced) and in order
/// give the same report.
final class ValidatorConcurrencyTests: XCTestCase {
    func testSerialAndConcurrentReportsAreEqual() throws {
        let dir = TestPaths.sharedBlueprints
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
            .map { dir.appendingPathComponent($0).appendingPathComponent("stack_config_template.json").path }
            .filter { FileManager.default.fileExists(atPath: $0) } + ["/nonexistent/stack_config_template.json"]
        XCTAssertFalse(Validator.Concurrency.use(files: files.count, bytes: 47_000), "small inputs are checked in order")
        XCTAssertTrue(Validator.Concurrency.use(files: 600, bytes: 2 << 20))
        XCTAssertFalse(Validator.Concurrency.use(files: 1, bytes: 8 << 20), "one file never needs threads")
        defer { unsetenv("BPCTL_VALIDATE_THREADS") }
        setenv("BPCTL_VALIDATE_THREADS", "serial", 1)
        let serial = Validator.validate(files: files)
        setenv("BPCTL_VALIDATE_THREADS", "concurrent", 1)
        let concurrent = Validator.validate(files: files)
        XCTAssertGreaterThan(serial.all.count, 100)
        XCTAssertEqual(JSONRenderer.render(serial), JSONRenderer.render(concurrent))
        XCTAssertEqual(SARIFRenderer.render(serial, toolVersion: "1"), SARIFRenderer.render(concurrent, toolVersion: "1"))
    }
}
