import Foundation
import PlatformSupport
import XCTest

/// `percentDecoded()` must answer as Foundation's `removingPercentEncoding` (the schema
/// compiler decodes `$ref` fragments with it).
final class PercentDecodingTests: XCTestCase {
    func testMatchesFoundation() {
        let pieces = ["a", "/", "~", "%", "%2", "%25", "%2F", "%2f", "%7E", "%C3%A9", "%C3", "%A9", "%FF", "%zz", "%%", "é", " ", "%20",
                      "%00", "%E2%82%AC", "%e2%82", "#", "%G0", "0"]
        var inputs = pieces
        for a in pieces { for b in pieces { inputs.append(a + b) } }
        var rng = SplitMix(seed: 0xDEC0DE)
        for _ in 0..<2_000 {
            inputs.append((0..<(1 + Int(rng.next() % 5))).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined())
        }
        var decoded = 0
        for s in inputs {
            // Foundation's one quirk, not copied: a lone continuation byte %A9 (and only that
            // one of 0x80–0xFF) becomes U+FFFD where every other invalid byte gives nil.
            if s.removingPercentEncoding?.unicodeScalars.contains("\u{FFFD}") == true {
                XCTAssertNil(s.percentDecoded())
                continue
            }
            XCTAssertEqual(s.percentDecoded(), s.removingPercentEncoding, s.debugDescription)
            if s.percentDecoded() != nil, s.contains("%") { decoded += 1 }
        }
        XCTAssertGreaterThan(decoded, 100)
    }
}
