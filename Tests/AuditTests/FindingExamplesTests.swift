import Audit
import BlueprintKit
import Foundation
import XCTest

/// SwiftLint's approach for audit findings: every kind carries inputs that must and must not
/// produce it (blueprints, plus an IAM state for live kinds), and one test runs them all.
final class FindingExamplesTests: XCTestCase {
    /// The clock examples run at: `days` after 2026-01-01 (key dates in examples count from there).
    static let epoch = Date(timeIntervalSince1970: 1_767_225_600)

    func testIdsAreUniqueAndInRange() {
        let ids = FindingCatalog.descriptions.map(\.id)
        XCTAssertEqual(Set(ids).count, ids.count)
        for d in FindingCatalog.descriptions {
            XCTAssertNotNil(d.id.range(of: #"^BP3\d\d$"#, options: .regularExpression), d.id)
            XCTAssertEqual(d.live, d.id >= "BP310", "\(d.id): BP30x are offline, BP31x live")
        }
    }

    func testEveryFindingHasExamples() {
        for d in FindingCatalog.descriptions {
            XCTAssertFalse(d.triggering.isEmpty, "\(d.id) has no triggering example")
            XCTAssertFalse(d.nonTriggering.isEmpty, "\(d.id) has no non-triggering example")
        }
    }

    func testTriggeringExamplesTrigger() {
        for d in FindingCatalog.descriptions {
            for (i, example) in d.triggering.enumerated() {
                let found = run(example)
                XCTAssertTrue(found.contains { $0.id == d.id }, "\(d.id) (\(d.name)) triggering example \(i + 1) did not trigger; got \(found.map(\.id))")
                // Live examples change one thing in a clean deployment, so nothing else may fire.
                if d.live {
                    XCTAssertEqual(Set(found.map(\.id)).subtracting(["BP304"]), [d.id], "\(d.id) example \(i + 1): \(found.map(\.message))")
                }
            }
        }
    }

    func testNonTriggeringExamplesDoNotTrigger() {
        for d in FindingCatalog.descriptions {
            for (i, example) in d.nonTriggering.enumerated() {
                let found = run(example).filter { $0.id == d.id }
                XCTAssertTrue(found.isEmpty, "\(d.id) (\(d.name)) non-triggering example \(i + 1) triggered: \(found.map(\.message))")
            }
        }
    }

    /// Every finding an example produces points at a real place: file:line:col inside the text.
    func testPositionsPointIntoTheBlueprint() {
        for d in FindingCatalog.descriptions {
            for example in d.triggering {
                let texts = Dictionary(uniqueKeysWithValues: example.blueprints.documents.map { ($0.path, $0.text) })
                for f in run(example) {
                    guard let p = f.position else { XCTFail("\(f.id) without a position: \(f.message)"); continue }
                    let lines = texts[p.file]?.split(separator: "\n", omittingEmptySubsequences: false) ?? []
                    XCTAssertTrue(p.line >= 1 && p.line <= lines.count, "\(f.id) at \(p.description)")
                }
            }
        }
    }

    private func run(_ example: AuditExample) -> [AuditFinding] {
        let docs = example.blueprints.documents
        XCTAssertFalse(docs.contains { $0.text.hasPrefix("EXAMPLE EDIT TARGET NOT FOUND") }, "\(docs.map(\.text))")
        let (model, bad) = Auditor.load(inputs: docs.map { ($0.path, $0.text) })
        XCTAssertEqual(bad, [])
        let options = AuditOptions(now: Self.epoch.addingTimeInterval(example.days * 86400), maxKeyAge: example.maxKeyAge)
        return Auditor.audit(model, iam: example.iam, options: options).findings
    }
}
