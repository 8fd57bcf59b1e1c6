import XCTest
@testable import BlueprintKit

/// Values with control characters are quoted escaped, and a suggested fix is itself valid.
final class ControlCharacterTests: XCTestCase {
    /// The escaper's byte pre-check and range test agree with Unicode's general category Cc
    /// (plus U+2028/2029) for every scalar of the BMP, alone and inside text.
    func testEscapeMatchesGeneralCategory() {
        for v in UInt32(0)...0xFFFF {
            guard let u = Unicode.Scalar(v) else { continue }
            let control = u.properties.generalCategory == .control || v == 0x2028 || v == 0x2029
            let s = "a\(Character(u))é"
            XCTAssertEqual(ControlEscape.escape(s) != s, control, "U+\(String(v, radix: 16))")
            XCTAssertEqual(ControlEscape.escape(s, keepNewlines: true) != s, control && v != 0x0A, "U+\(String(v, radix: 16))")
        }
        XCTAssertEqual(ControlEscape.escape("x\u{1B}[2J\r\n\u{85}\u{2028}"), "x\\u001b[2J\\r\\n\\u0085\\u2028")
    }

    func testPipelineNameWithCRLF() {
        let text = RuleExample.clean.documents[0].text.replacingOccurrences(of: "\"PipelineName\": \"epi-analysis\"",
                                                                            with: "\"PipelineName\": \"Bad%Name\\r\\nline2:x,y\"")
        let found = Validator.validate(inputs: [("s/stack_config_template.json", Array(text.utf8))]).all.filter { $0.ruleID == "BP111" }
        XCTAssertEqual(found.count, 1)
        let d = found[0]
        XCTAssertTrue(d.message.contains("Bad%Name\\r\\nline2"), d.message)
        XCTAssertTrue(d.message.contains("uppercase") && d.message.contains("'%'") && d.message.contains("':'"), d.message)
        XCTAssertFalse(d.message.contains("\r") || d.message.contains("\n"), d.message)
        let rendered = TextRenderer(color: false).render(d, source: nil)
        XCTAssertFalse(rendered.contains("\r"), rendered)
        XCTAssertEqual(rendered.split(separator: "\n").count, 2, "message and hint lines only: \(rendered)")
        let suggestion = String(d.hint!.split(separator: "'")[1])
        XCTAssertNil(PipelineNameRule.problem(suggestion), "the suggestion '\(suggestion)' is itself invalid")
    }

    /// Whatever the name, following the hint gives a valid name.
    func testEverySuggestedPipelineNameIsValid() {
        var rng = SystemRandomNumberGenerator()
        let alphabet = Array("aZ_- 0.9%é\r\n\t:,xY-_") + ["\u{1B}", "\u{0}"]
        var names = ["", "-", "_", "1", "A", "--a--", "9lives", String(repeating: "a", count: 70), String(repeating: "-", count: 70), "é", "ÉCOLE"]
        for _ in 0..<500 { names.append(String((0..<Int.random(in: 1...70, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! })) }
        for name in names {
            guard let (_, hint) = PipelineNameRule.problem(name), hint.hasPrefix("use '") else { continue }
            let suggestion = String(hint.dropFirst(5).dropLast())
            XCTAssertNil(PipelineNameRule.problem(suggestion), "\(String(reflecting: name)) → \(suggestion)")
        }
    }

    /// Every rule, fed a blueprint whose every string value carries CR, LF, TAB and ESC, quotes
    /// them escaped: no message and no hint line holds a raw control character.
    func testNoRawControlCharactersInAnyFinding() throws {
        let clean = RuleExample.clean.documents[0].text
        // Append the controls inside every JSON string value (after the value's last character).
        let text = clean.replacingOccurrences(of: #"": "([^"\\]*)""#, with: #"": "$1\\r\\n\\t\\u001b""#, options: .regularExpression)
        XCTAssertNotEqual(text, clean)
        let found = Validator.validate(inputs: [("s/stack_config_template.json", Array(text.utf8))]).all
        XCTAssertGreaterThan(found.count, 5)
        for d in found {
            let controls = (d.message + (d.hint ?? "").replacingOccurrences(of: "\n", with: "")).unicodeScalars.filter { $0.properties.generalCategory == .control }
            XCTAssertTrue(controls.isEmpty, "\(d.ruleID): \(String(reflecting: d.message)) hint \(String(reflecting: d.hint))")
        }
    }
}

/// A hint of the form "use 'X'" is a fix: putting X where the finding points clears the finding.
final class SuggestedFixTests: XCTestCase {
    func testEverySuggestedValueIsAccepted() throws {
        var applied = 0
        for rule in RuleCatalog.descriptions {
            for example in rule.triggering where example.documents.count == 1 && example.files.isEmpty && example.protocols == nil {
                let text = Array(example.documents[0].text.utf8)
                let path = example.documents[0].path
                let before = Validator.validate(inputs: [(path, text)]).all
                for d in before where d.ruleID == rule.id {
                    guard let hint = d.hint, let r = hint.range(of: #"use '[^']+'"#, options: .regularExpression),
                          text[d.start.offset] == UInt8(ascii: "\"") else { continue }
                    let value = String(hint[r].dropFirst(5).dropLast())
                    let quoted = String(decoding: try JSONSerialization.data(withJSONObject: [value]), as: UTF8.self).dropFirst().dropLast()
                    let fixed = Array(text[..<d.start.offset]) + Array(quoted.utf8) + Array(text[d.end.offset...])
                    let after = Validator.validate(inputs: [(path, fixed)]).all
                    XCTAssertFalse(after.contains { $0.ruleID == rule.id && $0.pointer == d.pointer },
                                   "\(rule.id): following the hint '\(value)' does not fix '\(d.message)'")
                    // Nor does the fix trade one finding for another at the same place.
                    let earlier = Set(before.filter { $0.pointer == d.pointer }.map(\.ruleID))
                    let new = after.filter { $0.pointer == d.pointer && !earlier.contains($0.ruleID) && $0.severity >= .warning }
                    XCTAssertEqual(new.map(\.ruleID), [], "\(rule.id): the suggested '\(value)' causes \(new.map(\.message))")
                    applied += 1
                }
            }
        }
        XCTAssertGreaterThan(applied, 3)
    }
}
