import Foundation
import SchemaICU
import XCTest
@testable import BlueprintKit

/// Runs every case of the official JSON Schema Test Suite (draft 2020-12, required tests).
/// Known failures are listed with reasons in Fixtures/json-schema-suite-exceptions.txt; the test
/// fails when the pass rate drops below 98% or the list no longer matches what fails.
final class JSONSchemaSuiteTests: XCTestCase {
    /// The ICU engine the executables register at start-up (schema patterns ECMARegex refuses).
    override class func setUp() {
        super.setUp()
        SchemaICU.install()
    }

    static let fixtures = TestPaths.repo.appendingPathComponent("Tests/BlueprintKitTests/Fixtures")
    static let remotes = fixtures.appendingPathComponent("json-schema-remotes")

    /// Serves http://localhost:1234/… from the copied remotes.
    static func loader(_ uri: String) -> Node? {
        let prefix = "http://localhost:1234/"
        guard uri.hasPrefix(prefix) else { return nil }
        let path = remotes.appendingPathComponent(String(uri.dropFirst(prefix.count))).path
        guard case .success(let doc) = Document.load(path: path) else { return nil }
        return doc.root
    }

    func testDraft2020_12RequiredSuite() throws {
        let dir = TestPaths.shared.appendingPathComponent("json-schema-test-suite/tests/draft2020-12")
        guard FileManager.default.fileExists(atPath: dir.path) else {
            return XCTFail("the JSON Schema test suite is missing at \(dir.path); set BPCTL_SHARED to the folder that holds json-schema-test-suite")
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".json") }.sorted()
        XCTAssertFalse(files.isEmpty, "the suite is missing at \(dir.path)")
        var passed = 0
        var failed: [String] = []
        for file in files {
            let doc = try Document.load(path: dir.appendingPathComponent(file).path).get()
            for group in doc.root.elements ?? [] {
                let groupName = group["description"]?.string ?? "?"
                let compiler = SchemaCompiler()
                compiler.loader = Self.loader
                let compiled: CompiledSchema?
                do {
                    compiled = try compiler.compile(group["schema"]!, source: doc.source, retrievalURI: "https://bpctl.invalid/suite/\(file)")
                } catch {
                    compiled = nil
                }
                for test in group["tests"]?.elements ?? [] {
                    let name = "\(file) | \(groupName) | \(test["description"]?.string ?? "?")"
                    guard let compiled, let data = test["data"], let valid = test["valid"]?.bool else {
                        failed.append(name)
                        continue
                    }
                    let errors = SchemaEvaluator(compiled).validate(data)
                    if errors.isEmpty == valid { passed += 1 } else { failed.append(name) }
                }
            }
        }
        let total = passed + failed.count
        print("JSON-Schema-Test-Suite draft2020-12 (required tests): \(passed) passed, \(failed.count) failed of \(total)")
        XCTAssertGreaterThanOrEqual(Double(passed) / Double(total), 0.98, "below the 98% bar")
        let listed = try exceptions()
        XCTAssertEqual(Set(failed).subtracting(listed.keys).sorted(), [], "failing cases not listed in json-schema-suite-exceptions.txt")
        XCTAssertEqual(Set(listed.keys).subtracting(failed).sorted(), [], "listed exceptions that now pass: remove them")
    }

    /// "file | group | test<TAB>reason" lines; # comments.
    private func exceptions() throws -> [String: String] {
        let text = try String(contentsOf: Self.fixtures.appendingPathComponent("json-schema-suite-exceptions.txt"), encoding: .utf8)
        var out: [String: String] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") && !line.trimmingCharacters(in: .whitespaces).isEmpty {
            let parts = line.split(separator: "\t", maxSplits: 1)
            out[String(parts[0])] = parts.count > 1 ? String(parts[1]) : ""
        }
        return out
    }
}
