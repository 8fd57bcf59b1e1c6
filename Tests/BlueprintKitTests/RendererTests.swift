import Foundation
import XCTest
@testable import BlueprintKit

final class RendererTests: XCTestCase {
    private func report(_ text: String, path: String = "bp/stack_config_template.json") -> ValidationReport {
        Validator.validate(inputs: [(path, Array(text.utf8))], options: ValidationOptions(configFiles: false))
    }

    private var broken: ValidationReport {
        report(ExampleBlueprints.applying([("\"AMI\": \"ami-0123456789abcdef0\"", "\"AMI\": \"ami-XYZ\"")]))
    }

    func testTextShowsLineCaretAndHint() throws {
        let text = TextRenderer(color: false).render(broken)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let header = try XCTUnwrap(lines.firstIndex { $0.contains("error[BP130]") })
        XCTAssertTrue(lines[header].hasPrefix("bp/stack_config_template.json:9:20: error[BP130]: "), lines[header])
        XCTAssertEqual(lines[header + 2], "9 |             \"AMI\": \"ami-XYZ\",")
        // The caret starts under the opening quote of the value and spans it.
        XCTAssertEqual(lines[header + 3], "  |                    ^~~~~~~~~")
        XCTAssertTrue(lines[header + 4].hasPrefix("  hint: "))
        XCTAssertTrue(text.hasSuffix("1 error, 0 warnings, 1 info in 1 file\n"), text)
    }

    func testColourOnlyWhenAsked() {
        XCTAssertFalse(TextRenderer(color: false).render(broken).contains("\u{1B}["))
        XCTAssertTrue(TextRenderer(color: true).render(broken).contains("\u{1B}[1;31merror\u{1B}[0m"))
    }

    func testJSONIsValidAndCarriesPointers() throws {
        let data = Data(JSONRenderer.render(broken).utf8)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        let files = try XCTUnwrap(json["files"] as? [[String: Any]])
        let diagnostics = try XCTUnwrap(files[0]["diagnostics"] as? [[String: Any]])
        let ami = try XCTUnwrap(diagnostics.first { $0["rule"] as? String == "BP130" })
        XCTAssertEqual(ami["pointer"] as? String, "/Lambda/LambdaConfig/AMI")
        XCTAssertEqual(ami["line"] as? Int, 9)
        XCTAssertEqual(ami["column"] as? Int, 20)
        XCTAssertEqual(ami["severity"] as? String, "error")
        XCTAssertEqual((json["summary"] as? [String: Int])?["errors"], 1)
    }

    func testJSONEscapesControlCharactersAndQuotes() throws {
        let out = JSONOut.object([("k", .string("a\"b\\c\n\u{01}é"))]).serialized(pretty: false)
        XCTAssertEqual(out, #"{"k":"a\"b\\c\n\u0001é"}"#)
        let back = try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: String]
        XCTAssertEqual(back?["k"], "a\"b\\c\n\u{01}é")
    }

    func testSARIFFingerprintIgnoresLineMoves() throws {
        let moved = report("\n\n" + ExampleBlueprints.applying([("\"AMI\": \"ami-0123456789abcdef0\"", "\"AMI\": \"ami-XYZ\"")]))
        let a = try XCTUnwrap(broken.all.first { $0.ruleID == "BP130" })
        let b = try XCTUnwrap(moved.all.first { $0.ruleID == "BP130" })
        XCTAssertNotEqual(a.start.line, b.start.line)
        XCTAssertEqual(SARIFRenderer.fingerprint(a), SARIFRenderer.fingerprint(b))
    }

    func testGitHubCommandsEscapeProperties() {
        XCTAssertEqual(GitHubRenderer.property("a,b:c\nd%"), "a%2Cb%3Ac%0Ad%25")
        let out = GitHubRenderer.render(broken)
        XCTAssertTrue(out.contains("::error file=bp/stack_config_template.json,line=9,col=20,endLine=9,endColumn=29,title=BP130 ami-id::"), out)
        XCTAssertTrue(out.contains("%0Ahint: "), "hint on the same annotation, newline escaped")
    }

    func testRulesTableListsEveryRule() {
        let table = RulesDocRenderer.table()
        for r in RuleCatalog.descriptions { XCTAssertTrue(table.contains(r.id + "  "), r.id) }
    }
}
