import Foundation
import XCTest
@testable import BlueprintKit

/// One severity per problem: whatever the bundled schema rejects (BP001, an error) must not be a
/// mere warning or info when the rules check the same input, so an editor using `bpctl schema`
/// never shows an error where bpctl itself only warns.
final class SchemaSeverityTests: XCTestCase {
    func testSchemaRejectsOnlyWhatTheRulesCallErrors() throws {
        var inputs: [(label: String, text: String)] = []
        for rule in RuleCatalog.descriptions {
            for (i, example) in (rule.triggering + rule.nonTriggering).enumerated() where example.protocols == nil && example.files.isEmpty && example.documents.count == 1 {
                inputs.append(("\(rule.id) example \(i + 1)", example.documents[0].text))
            }
        }
        inputs += try probes()
        var checked = 0
        for (label, text) in inputs {
            let input = [(path: "stack/stack_config_template.json", bytes: Array(text.utf8))]
            let withRules = Validator.validate(inputs: input, options: ValidationOptions(configFiles: false, schema: .none)).all
            let schemaOnly = Validator.validate(inputs: input, options: ValidationOptions(configFiles: false, rules: false)).all
            for d in schemaOnly where d.ruleID == MetaRules.schema.id {
                checked += 1
                let p = d.pointer ?? ""
                let same = withRules.filter { $0.pointer == p }
                // Nothing at that pointer from the rules: BP001 stays an error in a full run too.
                guard !same.isEmpty else { continue }
                XCTAssertTrue(same.contains { $0.severity == .error },
                              "\(label): the schema says error '\(d.message)' but the rules say \(same.map { "\($0.severity) \($0.ruleID)" })")
            }
        }
        XCTAssertGreaterThan(checked, 20)
    }

    /// The clean blueprint with each falsy value the compiler replaces, an unknown key in every
    /// object, and no affiliates: the cases rules report as warnings.
    private func probes() throws -> [(String, String)] {
        let clean = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(RuleExample.clean.documents[0].text.utf8)) as? [String: Any])
        func text(_ object: [String: Any]) throws -> String {
            String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
        }
        var out: [(String, String)] = []
        for (key, _) in FalsyDefaultRule.defaults {
            for value in [false, 0, "", NSNull()] as [Any] {
                var bp = clean
                var lambda = bp["Lambda"] as! [String: Any]
                var config = lambda["LambdaConfig"] as! [String: Any]
                config[key] = value
                lambda["LambdaConfig"] = config
                bp["Lambda"] = lambda
                out.append(("\(key) = \(value)", try text(bp)))
            }
        }
        var bp = clean
        var lambda = bp["Lambda"] as! [String: Any]
        lambda["CodeUrl"] = "x"
        var config = lambda["LambdaConfig"] as! [String: Any]
        config["INSTANCETYPE"] = "t2.micro"
        lambda["LambdaConfig"] = config
        bp["Lambda"] = lambda
        var ux = bp["UXData"] as! [String: Any]
        var affiliates = ux["Affiliates"] as! [[String: Any]]
        affiliates[0]["ContactEmial"] = "a@b.c"
        ux["Affiliates"] = affiliates
        ux["Afiliates"] = []
        bp["UXData"] = ux
        out.append(("unknown keys", try text(bp)))
        ux["Affiliates"] = []
        bp["UXData"] = ux
        out.append(("no affiliates", try text(bp)))
        return out
    }
}
