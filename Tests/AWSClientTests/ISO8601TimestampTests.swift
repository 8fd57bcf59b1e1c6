import Foundation
import XCTest
@testable import AWSClient

/// ISO8601Timestamp replaces ISO8601DateFormatter (IAM's and EC2's timestamps): the same Date
/// for what AWS writes, with and without fractional seconds, and nil for what it refused.
final class ISO8601TimestampTests: XCTestCase {
    /// What IAMDates and EC2.parseTime did: internet date-time, then with fractional seconds.
    private func formatter(_ s: String) -> Date? {
        let f = ISO8601DateFormatter()
        if let d = f.date(from: s) { return d }
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return f.date(from: s)
    }

    func testGeneratedTimestampsParseAsTheFormatterParsedThem() {
        var rng = SeededGenerator(seed: 8601)
        let f = ISO8601DateFormatter()
        for _ in 0..<3000 {
            var s = f.string(from: Date(timeIntervalSince1970: Double(Int.random(in: 0...4_102_444_800, using: &rng))))
            if Bool.random(using: &rng) {
                let digits = (0..<Int.random(in: 1...6, using: &rng)).map { _ in "0123456789".randomElement(using: &rng)! }
                s = String(s.dropLast()) + "." + String(digits) + "Z"
            }
            XCTAssertEqual(ISO8601Timestamp.parse(s), formatter(s), s)
        }
    }

    func testAWSFormsAndMalformedInput() {
        let samples = ["2024-05-01T12:30:45Z", "2024-05-01T12:30:45.123Z", "2024-05-01T12:30:45.000Z", "2024-05-01T12:30:45.1Z",
                       "2024-05-01T12:30:45.123456Z", "2024-05-01T12:30:45+00:00", "2024-05-01T12:30:45.5-07:30",
                       "2024-05-01T12:30:45+0200", "2024-02-30T00:00:00Z", "2024-05-01T24:00:00Z", "1970-01-01T00:00:00Z",
                       "2024-05-01 12:30:45Z", "2024-05-01T12:30:45", "2024-05-01T12:30:45.Z", "2024-05-01T12:30:60Z",
                       "2024-13-01T00:00:00Z", "2024-05-00T00:00:00Z", "2024-05-01t12:30:45z", "", "not a date", "2024-05-01"]
        for s in samples { XCTAssertEqual(ISO8601Timestamp.parse(s), formatter(s), s) }
        XCTAssertEqual(ISO8601Timestamp.parse("2024-05-01T12:30:45.123Z")?.timeIntervalSince1970, 1_714_566_645.123)
    }
}
