import Foundation
import SchemaICU
import XCTest
@testable import BlueprintKit

final class ECMARegexTests: XCTestCase {
    /// The ICU engine the executables register at start-up (schema patterns ECMARegex refuses).
    override class func setUp() {
        super.setUp()
        SchemaICU.install()
    }

    static let patterns = [
        "^[a-z][a-z0-9-]{1,61}[a-z0-9]$", "^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-[0-9]+$",
        "^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)+$", "^ami-([0-9a-f]{8}|[0-9a-f]{17})$",
        "^[0-9]+(\\.[0-9]+)?$", "a*b", "(ab|a)*c", "^a{2,3}$", "^a{2,}$", "x+?y", "^(?:ab)+$", "[^abc]", "\\d\\w\\s",
        "^$", "a|", "^[\\-a]+$", "[.]", "a.c", "^\\u0041\\x42$", "^[\\d-]+$", "(a|ab)(c|bcd)(d*)", "^(a+)+$",
    ]
    static let inputs = ["", "a", "ab", "abc", "aac", "aaa", "abab", "epi-analysis", "us-east-1", "us-gov-west-1",
                         "submit_start.handler_develop", "ami-0123456789abcdef0", "ami-0123abcd", "300", "3.5", "x1_ \t",
                         "xxy", "AB", "a-b--", "abcd", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaab", "a.c", "-", "12-3"]

    /// On ASCII input the subset matcher and ICU must agree on every pattern.
    func testAgreesWithICUOnTheSubset() throws {
        for p in Self.patterns {
            let fast = try XCTUnwrap(ECMARegex(p), "pattern \(p) should be in the subset")
            let icu = try NSRegularExpression(pattern: p)
            for s in Self.inputs {
                let expected = icu.firstMatch(in: s, range: NSRange(location: 0, length: (s as NSString).length)) != nil
                // nil: the step budget ran out and Pattern asks ICU instead (checked below).
                guard let result = fast.firstMatch(in: s) else { continue }
                XCTAssertEqual(result, expected, "/\(p)/ on \"\(s)\"")
            }
        }
    }

    func testECMASemantics() throws {
        XCTAssertEqual(ECMARegex("^\\d$")?.firstMatch(in: "\u{0663}"), false, "\\d is ASCII only")
        XCTAssertEqual(ECMARegex("^.$")?.firstMatch(in: "\n"), false)
        XCTAssertEqual(ECMARegex("^.$")?.firstMatch(in: "é"), true, "matching is per code point")
        XCTAssertEqual(ECMARegex("^\\s$")?.firstMatch(in: "\u{3000}"), true)
    }

    /// The matcher decodes UTF-8 as it goes: one position per scalar of 1 to 4 bytes.
    func testMultiByteScalarsAreOnePositionEach() {
        XCTAssertEqual(ECMARegex("^[^a]{3}$")?.firstMatch(in: "é€😀"), true)
        XCTAssertEqual(ECMARegex("^.{2}x$")?.firstMatch(in: "😀éx"), true)
        XCTAssertEqual(ECMARegex("^.{3}x$")?.firstMatch(in: "😀éx"), false)
        XCTAssertEqual(ECMARegex("^[à-ÿ]+€?😀$")?.firstMatch(in: "àÿ€😀"), true)
        XCTAssertEqual(ECMARegex("€😀$")?.firstMatch(in: "xx€😀"), true)
        XCTAssertEqual(ECMARegex("^\\u00e9$")?.firstMatch(in: "e\u{301}"), false, "code points, not canonical equivalence")
    }

    func testOutsideTheSubsetFallsBack() {
        for p in ["(?=a)", "\\bx", "(a)\\1", "\\p{L}", "x{", "(", "[b-a]", "a**"] { XCTAssertNil(ECMARegex(p), p) }
    }

    func testCatastrophicBacktrackingIsBounded() {
        let r = ECMARegex("^(a+)+$")
        let s = String(repeating: "a", count: 40) + "b"
        XCTAssertEqual(r?.firstMatch(in: s), false, "a Thompson NFA has no backtracking to blow up")
        XCTAssertEqual(try Pattern("^(a+)+$").matches(s), false)
    }
}
