import Foundation
import XCTest
@testable import BlueprintKit

/// Smaller fast paths of the validate hot path against the expressions they replaced.
final class FastPathEquivalenceTests: XCTestCase {
    func testSortedByPositionEqualsSortByOrdered() {
        var rng = SplitMix(seed: 3)
        let source = SourceFile(path: "x.json", bytes: Array(String(repeating: "{\"a\": 1}\n", count: 20).utf8))
        for round in 0..<50 {
            let diagnostics = (0..<Int(rng.next() % 40)).map { i in
                // Few distinct offsets and ids, so ties (equal offset and id) are common.
                Diagnostic(ruleID: "BP10\(rng.next() % 3)", severity: .warning, message: "m\(i)", hint: nil, source: source,
                           range: .at(Int(rng.next() % 5) * 9), pointer: nil)
            }
            XCTAssertEqual(Diagnostic.sortedByPosition(diagnostics).map(\.message),
                           diagnostics.sorted(by: Diagnostic.ordered).map(\.message), "round \(round)")
        }
    }

    func testAffiliateLabel() {
        func old(_ index: Int, _ name: String?) -> String {
            let name = name.map { " (\($0.count > 30 ? String($0.prefix(27)) + "..." : $0))" } ?? ""
            return "affiliate \(index + 1)\(name)"
        }
        let names: [String?] = [nil, "", "lab", String(repeating: "a", count: 30), String(repeating: "a", count: 31),
                                String(repeating: "é", count: 20), String(repeating: "é", count: 31), String(repeating: "e\u{301}", count: 30),
                                String(repeating: "e\u{301}", count: 31), "🇫🇷" + String(repeating: "x", count: 40)]
        for (i, n) in names.enumerated() {
            XCTAssertEqual(Blueprint.affiliateLabel(i, n), old(i, n), String(describing: n))
        }
    }
}
