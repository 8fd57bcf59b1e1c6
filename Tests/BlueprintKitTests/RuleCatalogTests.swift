import Foundation
import XCTest
@testable import BlueprintKit

final class RuleCatalogTests: XCTestCase {
    func testIdsAndNamesAreUniqueAndWellFormed() {
        let ids = RuleCatalog.descriptions.map(\.id)
        XCTAssertEqual(Set(ids).count, ids.count, "duplicate rule id")
        let names = RuleCatalog.descriptions.map(\.name)
        XCTAssertEqual(Set(names).count, names.count, "duplicate rule name")
        for r in RuleCatalog.descriptions {
            XCTAssertNotNil(r.id.range(of: #"^BP[0-9]{3}$"#, options: .regularExpression), r.id)
            XCTAssertNotNil(r.name.range(of: #"^[a-z0-9]+(-[a-z0-9]+)*$"#, options: .regularExpression), r.name)
            XCTAssertTrue(r.summary.hasSuffix("."), "\(r.id) summary should be a sentence")
        }
    }

    /// Adding a rule means adding a file; this catches a file that was not registered.
    func testEveryRuleFileIsRegistered() throws {
        let rulesDir = TestPaths.repo.appendingPathComponent("Sources/BlueprintKit/Rules")
        let enumerator = try XCTUnwrap(FileManager.default.enumerator(atPath: rulesDir.path))
        var declared = Set<String>()
        while let rel = enumerator.nextObject() as? String {
            guard rel.hasSuffix(".swift") else { continue }
            let text = try String(contentsOf: rulesDir.appendingPathComponent(rel), encoding: .utf8)
            for match in text.matches(of: /struct (\w+): (Rule|FleetRule) \{/) { declared.insert(String(match.1)) }
        }
        let registered = Set(RuleCatalog.fileRules.map { String(describing: $0) } + RuleCatalog.fleetRules.map { String(describing: $0) })
        XCTAssertEqual(declared.subtracting(registered), [], "rule types not listed in RuleCatalog")
        XCTAssertEqual(registered.subtracting(declared), [])
    }

    func testDocsRulesMarkdownIsInSync() throws {
        let path = TestPaths.repo.appendingPathComponent("docs/rules.md")
        let committed = try String(contentsOf: path, encoding: .utf8)
        XCTAssertEqual(committed, RulesDocRenderer.markdown(), "docs/rules.md is stale: run `bpctl rules --markdown > docs/rules.md`")
    }

    func testResolveAcceptsIdsAndNames() {
        XCTAssertEqual(RuleCatalog.resolve("bp130"), "BP130")
        XCTAssertEqual(RuleCatalog.resolve("ami-id"), "BP130")
        XCTAssertNil(RuleCatalog.resolve("BP999"))
    }
}
