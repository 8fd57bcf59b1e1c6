import Foundation
import XCTest
@testable import BlueprintKit

/// SwiftLint's approach: every rule carries inputs that must and must not trigger it, and one
/// generic test runs them all through the full validator (parsing, every rule, suppressions).
final class RuleExamplesTests: XCTestCase {
    func testEveryRuleHasExamples() {
        for rule in RuleCatalog.descriptions {
            XCTAssertFalse(rule.triggering.isEmpty, "\(rule.id) has no triggering example")
            XCTAssertFalse(rule.nonTriggering.isEmpty, "\(rule.id) has no non-triggering example")
        }
    }

    func testTriggeringExamplesTrigger() throws {
        for rule in RuleCatalog.descriptions {
            for (i, example) in rule.triggering.enumerated() {
                let ids = try run(example).map(\.ruleID)
                XCTAssertTrue(ids.contains(rule.id), "\(rule.id) (\(rule.name)) triggering example \(i + 1) did not trigger; got \(ids)")
            }
        }
    }

    func testNonTriggeringExamplesDoNotTrigger() throws {
        for rule in RuleCatalog.descriptions {
            for (i, example) in rule.nonTriggering.enumerated() {
                let found = try run(example).filter { $0.ruleID == rule.id }
                XCTAssertTrue(found.isEmpty, "\(rule.id) (\(rule.name)) non-triggering example \(i + 1) triggered: \(found.map(\.message))")
            }
        }
    }

    /// One id, one meaning, one severity: every finding any example produces has the severity its
    /// rule declares (BP123 was both an error and an info notice).
    func testEveryFindingHasItsRulesSeverity() throws {
        for rule in RuleCatalog.descriptions {
            for example in rule.triggering + rule.nonTriggering {
                for d in try run(example) {
                    XCTAssertEqual(d.severity, RuleCatalog.description(id: d.ruleID)?.severity, "\(d.ruleID): \(d.message)")
                }
            }
        }
    }

    /// The clean example is clean of every error and warning (infos are advice).
    func testCleanExampleHasNoErrorsOrWarnings() throws {
        let found = try run(.clean).filter { $0.severity >= .warning }
        XCTAssertEqual(found.map { "\($0.ruleID) \($0.message)" }, [])
    }

    /// Write an example's files to a temporary directory and validate them from disk.
    private func run(_ example: RuleExample) throws -> [Diagnostic] {
        let dir = try temporaryDirectory(self)
        var protocols: String?
        if let files = example.protocols {
            let p = dir.appendingPathComponent("protocols-src")
            for (name, text) in files { try write(text, to: p.appendingPathComponent(name)) }
            protocols = p.path
        }
        var paths: [String] = []
        for doc in example.documents {
            XCTAssertFalse(doc.text.hasPrefix("EXAMPLE EDIT TARGET NOT FOUND"), doc.text)
            let url = dir.appendingPathComponent(doc.path)
            try write(doc.text, to: url)
            paths.append(url.path)
        }
        let stackDir = dir.appendingPathComponent(example.documents[0].path).deletingLastPathComponent()
        for (name, text) in example.files { try write(text, to: stackDir.appendingPathComponent(name)) }
        return Validator.validate(files: paths, options: ValidationOptions(protocolsDirectory: protocols)).all
    }
}
