@testable import BlueprintKit
import Foundation
import XCTest

/// Paths.parent and Paths.join replace NSString's path methods on the validate hot path; they
/// must give the same folders for the paths validation sees.
final class PathParentTests: XCTestCase {
    func testParentAndJoinMatchNSString() {
        for p in ["a/b/c", "/a/b/c.json", "/a", "a/b/", "./x/stack_config_template.json", "../shared/x/y.json",
                  "/work/shared/blueprints/attn/stack_config_template.json", "é/ü/x", "a b/c d"] {
            XCTAssertEqual(Paths.parent(p), (p as NSString).deletingLastPathComponent, "parent of \(String(reflecting: p))")
        }
        // Where this swift-corelibs-foundation traps ("", "/", "a" as literals) or keeps "//": the documented answers.
        XCTAssertEqual(Paths.parent(""), "")
        XCTAssertEqual(Paths.parent("/a/b//"), "/a")
        XCTAssertEqual(Paths.parent("x.json"), "")
        XCTAssertEqual(Paths.parent("/"), "/")
        XCTAssertEqual(Paths.join("/", "x"), "/x")
        for (d, n) in [("a", "b"), ("a/b/", "c"), ("/work/x", ".bpctl.yaml"), (".", "../../protocols")] {
            XCTAssertEqual(Paths.join(d, n), (d as NSString).appendingPathComponent(n), "\(d) + \(n)")
        }
    }
}
