@testable import Audit
import XCTest

/// The credential report's CSV as IAM documents it (moto never quotes, so this is tested here).
final class CredentialReportTests: XCTestCase {
    func testQuotedNamesAndUnknownValues() {
        let csv = """
        user,arn,password_enabled,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_2_active,access_key_2_last_rotated\r
        <root_account>,arn:aws:iam::123456789012:root,not_supported,true,false,N/A,N/A,false,N/A\r
        "a,b""c",arn:aws:iam::123456789012:user/x,true,false,true,2026-01-01T00:00:00+00:00,N/A,false,N/A\r
        plain,arn:aws:iam::123456789012:user/plain,false,false,true,2026-01-01T00:00:00+00:00,2026-02-01T00:00:00+00:00,true,2026-03-01T00:00:00+00:00\r

        """
        let rows = CredentialReport.parse(csv)
        XCTAssertEqual(rows.map(\.user), ["a,b\"c", "plain"], "the root account is not a user")
        XCTAssertEqual(rows[0].passwordEnabled, true)
        XCTAssertEqual(rows[0].mfaActive, false)
        XCTAssertEqual(rows[0].keys.count, 1)
        XCTAssertNil(rows[0].keys[0].lastUsed, "N/A reads as never used")
        XCTAssertEqual(rows[1].keys.map(\.label), ["access key 1", "access key 2"])
        XCTAssertEqual(rows[1].keys[0].lastUsed, ISO8601DateFormatter().date(from: "2026-02-01T00:00:00Z"))
    }
}
