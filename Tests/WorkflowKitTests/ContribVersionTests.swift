import TestSupport
import XCTest

final class ContribVersionTests: XCTestCase {
    /// `--version` prints a version and exits 0 (it was an unknown option, exit 2).
    func testVersionFlag() throws {
        let r = try runProcess(ContribCLITests.binary, ["--version"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.range(of: #"^\d+\.\d+\.\d+\n$"#, options: .regularExpression) != nil, r.stdout)
    }
}
