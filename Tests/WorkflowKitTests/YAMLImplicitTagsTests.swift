import XCTest
@testable import WorkflowKit
import Yams

/// read-yaml types plain scalars without ICU regexes; it must agree with Yams' own rules.
final class YAMLImplicitTagsTests: XCTestCase {
    func testAgreesWithYamsDefaultResolver() {
        let listed = ["", "~", "null", "Null", "nULL", "yes", "No", "ON", "oFF", "true", "True", "tRUE", "0", "00", "07", "08", "0o17", "0o",
                      "0b101", "0b", "0b2", "0x1A", "0x", "0xg", "-12", "+1_000", "1_", "190:20:30", "1:60", "1:5:07", "0:30", "1.5",
                      "1.", ".5", ".5e+3", ".5e3", "1e3", "1e", "1E-5", "-1.5e+10", "190:20:30.15", ".inf", "-.Inf", "+.INF", ".nan",
                      ".NaN", "-.nan", "<<", "=", "2001-12-14", "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10 -5",
                      "2001-12-15T02:59:43.1Z", "2002-12-14", "2001-1-1 1:02:03", "2001-12-14 21:59:43.10 +05:3", "2001-12-1",
                      "2001-12-14T21:59", "12:30:00", "1_2:30", "_1", "0_", "-0", "+0x_", "1__0.0__1", "fast", "1.2.3", "+", "-", "."]
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("0123456789_.:-+eEbxoTtZ \t~<=aflnuyINFNaNSrsO")
        var strings = listed
        for _ in 0..<20_000 {
            let n = Int.random(in: 0...12, using: &generator)
            strings.append(String((0..<n).map { _ in alphabet.randomElement(using: &generator)! }))
        }
        for s in strings {
            let yams = Resolver.default.resolveTag(of: Node.scalar(.init(s)))
            XCTAssertEqual(YAMLImplicitTags.tag(of: s), yams, "'\(s)'")
        }
    }

    func testLoadsTheSameValuesAsYams() throws {
        let text = """
        mode: fast
        flag: yes
        quoted: "yes"
        n: 0x1A
        big: 1_000
        f: 1.5e+3
        when: 2001-12-14
        none: ~
        list: [a, 1, true, '2']
        map: {b: 2, c: [x]}
        base: &b {k: 1}
        merged: {<<: *b, j: 2}
        listmerge: {<<: [*b, {m: 3}], n: 4}
        tagged: !!str 12
        """
        let ours = try XCTUnwrap(try YAMLImplicitTags.load(text) as? [String: Any])
        let theirs = try XCTUnwrap(try Yams.load(yaml: text) as? [String: Any])
        XCTAssertEqual(Set(ours.keys), Set(theirs.keys))
        for key in theirs.keys {
            XCTAssertEqual(ReadYAML.render(try XCTUnwrap(ours[key])), ReadYAML.render(try XCTUnwrap(theirs[key])), key)
        }
        XCTAssertEqual(ReadYAML.render(try XCTUnwrap(ours["flag"])), "True")
        XCTAssertEqual(ReadYAML.render(try XCTUnwrap(ours["quoted"])), "yes")
        XCTAssertEqual(ReadYAML.render(try XCTUnwrap(ours["n"])), "26")
    }
}
