import XCTest
@testable import BlueprintKit

/// Path normalising keeps the leading `..` of a relative path: a blueprint given as a relative
/// path (`bpctl apply` in its stack directory) resolves CodeUri `../../protocols` above it.
final class PathsTests: XCTestCase {
    func testLeadingParentStepsOfRelativePathsAreKept() {
        XCTAssertEqual(Paths.normalise("./../../protocols"), "../../protocols")
        XCTAssertEqual(Paths.normalise("a/../../b"), "../b")
        XCTAssertEqual(Paths.normalise("a/b/../c"), "a/c")
        XCTAssertEqual(Paths.normalise("/../x"), "/x", "an absolute path cannot climb above /")
    }
}

/// The byte-wise `Paths.normalise` against the Character-wise original it replaced.
final class PathsNormaliseEquivalenceTests: XCTestCase {
    func testBytewiseEqualsCharacterwise() {
        let parts = ["", ".", "..", "a", "bc", "...", ".a", "a.", "x y", "~", "é", "/\u{301}", ".\u{301}"]
        var checked = 0
        for a in parts { for b in parts { for c in parts { for lead in ["", "/", "//", "./"] {
            let p = lead + a + "/" + b + "//" + c + (c.count % 2 == 0 ? "/" : "")
            XCTAssertEqual(Paths.normalise(p), Paths.normaliseCharacters(p), p)
            checked += 1
        } } } }
        XCTAssertEqual(checked, parts.count * parts.count * parts.count * 4)
        XCTAssertEqual(Paths.normalise("/a/./b/../../../c//d/"), "/c/d")
    }
}
