import Foundation
import XCTest
import AWSClient

/// RegionCode.isWellFormed answers as the regular expression it replaces, on real codes and on
/// generated near-misses (case, digits, extra or missing dashes, line terminators, non-ASCII).
final class RegionCodeTests: XCTestCase {
    private let pattern = #"^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-[0-9]+$"#

    private func regex(_ s: String) -> Bool { s.range(of: pattern, options: .regularExpression) != nil }

    func testMatchesTheRegularExpression() {
        let fixed = ["us-east-1", "us-gov-west-1", "us-iso-east-1", "us-isob-east-1", "eu-central-2", "ap-southeast-4", "cn-north-1",
                     "us-east-1\n", "us-east-1\r\n", "us-east-1\n\n", "us-east-1\u{2028}", "us-east-1\u{85}", "us-east-1 ", "\nus-east-1",
                     "US-EAST-1", "us-east", "us-east-", "useast-1", "u-east-1", "usa-east-1", "us--east-1", "us-gov-1", "us-iso-1",
                     "us-gov-gov-1", "us-isoiso-x-1", "us-gova-west-1", "us-east-1a", "us-east-01", "", "-", "us-east-1-2", "ús-east-1",
                     "us-east-１", "us-iso-b-east-1", "us-east-1\r", "us-east-1\u{b}"]
        for s in fixed { XCTAssertEqual(RegionCode.isWellFormed(s), regex(s), s.debugDescription) }
        var rng = SeededGenerator(seed: 1)
        let noise = ["-", "1", "a", "Z", "\n", "\r", "\r\n", " ", "é", "gov", "iso", ""]
        var matched = 0
        for _ in 0..<5000 {
            // A well-formed code, then at most one damage: an inserted, dropped or replaced piece.
            var s = ["us", "eu", "ap", "cn"].randomElement(using: &rng)!
            s += ["", "", "-gov", "-iso", "-isob", "-isof"].randomElement(using: &rng)!
            s += "-" + ["east", "west", "central", "southeast", "x"].randomElement(using: &rng)! + "-" + String(Int.random(in: 1...14, using: &rng))
            var scalars = Array(s.unicodeScalars)
            let at = Int.random(in: 0...scalars.count, using: &rng)
            switch Int.random(in: 0..<4, using: &rng) {
            case 0: scalars.insert(contentsOf: noise.randomElement(using: &rng)!.unicodeScalars, at: at)
            case 1: if at < scalars.count { scalars.remove(at: at) }
            case 2: if at < scalars.count { scalars[at] = noise.randomElement(using: &rng)!.unicodeScalars.first ?? "-" }
            default: break
            }
            s = String(String.UnicodeScalarView(scalars))
            XCTAssertEqual(RegionCode.isWellFormed(s), regex(s), s.debugDescription)
            if regex(s) { matched += 1 }
        }
        XCTAssertGreaterThan(matched, 1000, "the generator must reach well-formed codes too")
    }
}
