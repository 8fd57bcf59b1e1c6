import Foundation
import XCTest
import TestSupport

/// Without moto the AWS suites skip visibly (the reason in each skip, "N tests skipped" in the
/// summary), or fail when BPCTL_REQUIRE_MOTO=1 (CI); never a silent pass.
func motoMissing(file: StaticString = #filePath, line: UInt = #line) throws -> Error {
    var reason = "moto_server stopped"
    do { _ = try LocalServer.moto() } catch { reason = "\(error)" } // cached: no second wait
    if LocalServer.motoRequired {
        XCTFail("\(reason), and BPCTL_REQUIRE_MOTO=1", file: file, line: line)
    }
    return XCTSkip("\(reason) (pip install 'moto[server]')")
}

final class MotoAvailabilityTests: XCTestCase {
    /// A server module that cannot start is reported as soon as its process exits, with the
    /// reason, not after the 30 s readiness wait.
    func testFailsFastWhenThePythonServerExits() throws {
        let start = Date()
        XCTAssertThrowsError(try LocalServer.python(module: "bpctl_no_such_module", readyPath: "/", timeout: 30)) { error in
            XCTAssertTrue("\(error)".contains("No module named"), "\(error)")
        }
        XCTAssertLessThan(Date().timeIntervalSince(start), 15, "well before the 30 s timeout")
    }
}
