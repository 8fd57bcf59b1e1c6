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
