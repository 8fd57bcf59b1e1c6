import Foundation
import XCTest
@testable import BlueprintKit

/// Each byte-level fast path of the rules (issue 13) against the general Character-level code it
/// stands in for, on ASCII and non-ASCII text alike: the fast path must never change a finding.
final class RuleFastPathTests: XCTestCase {
    /// Hand-picked values plus random strings over an alphabet with the troublemakers: quotes,
    /// '\r\n', combining marks, a Prepend character, the Kelvin sign, '@', '.', '/', '-'.
    static let samples: [String] = {
        var out = ["", " ", ".", "..", "a.b", ".a", "a.", "a..b", "submit_start.handler_develop", "ami-0123456789abcdef0",
                   "ami-0123abcd", "ami-0123456789ABCDEF0", "i-0123456789abcdef0", "ami-", "lab@example.org", "a@b", "@b.c",
                   "a@b.c d", "a@@b.c", "a@b.c@d", "epi-analysis", "EpiAnalysis", "2p-imaging", "epi_analysis", "ab", "abc-",
                   String(repeating: "x", count: 63), String(repeating: "x", count: 64), "debuggers", "Debuggers", "debug-group",
                   "Developer Group 1", "run_main.sh", "neurocaas_remote/run_main.sh", "a//run_main_cli.sh", "run_main.sh/",
                   "x/run_main", "\"{}\"", "'a'\"b\"", "\"a'b\"", "\"\r\n\"", "\"\u{301}x\"", "'\u{301}'", "caf\u{E9}", "cafe\u{301}",
                   "\u{212A}EY", "x\u{600}.sh", "\u{600}.sh", "run_main\u{301}.sh", "m5.large", "m5.\u{301}large", "p3.2xlarg",
                   "M5.large", "m5.large ", "t2.micro", "g4dn.12xlarge", "p3dn.24xlarge", "x.y.z", "-", "a-b-c", "a\r\nb", "\r\n",
                   "your ami here", "  Your AMI here\t", "TODO", "todo ", "[list of strings describing user names]", "e.g. this",
                   "Name of this pipeline. Must follow S3 bucket naming conventions.", "a example", "examples here", "[x]", "[x y]",
                   "heres a", "a here", "xhere y", "DEVELOP OR DEPLOY", "ami id", "ami  id", "carol.smith+lab", "a b", "x=y,z"]
        var rng = SeededGenerator(seed: 13)
        let alphabet: [String] = ["a", "Z", "0", "9", ".", "-", "_", "@", "/", " ", "\"", "'", "{", "}", "\r\n", "\r", "\n", "\t",
                                  "\u{301}", "\u{600}", "\u{E9}", "\u{212A}", "K", "s", "h", "run_main", ".sh", "ami-", "here ", "+", "="]
        for _ in 0..<3000 {
            let n = Int(rng.next() % 12)
            out.append((0..<n).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }.joined())
        }
        return out
    }()

    func testTemplateLeftoverMatchesTheCopyingDetector() {
        for s in Self.samples + Self.samples.map({ $0 + " here" }) {
            XCTAssertEqual(TemplateLeftover.matches(s), ReferenceTemplateLeftover.matches(s), "\(s.debugDescription)")
        }
    }

    func testUnquotedByBytesMatchesTheCharacterWalk() {
        for s in Self.samples {
            if let fast = ShellCommand.Word.unquotedASCII(s) {
                XCTAssertTrue(fast.sameScalars(as: ShellCommand.Word.unquotedByCharacters(s)), "\(s.debugDescription)")
            } else {
                XCTAssertFalse(s.isASCIIBytes, "the fast path declined ASCII \(s.debugDescription)")
            }
        }
    }

    func testIAMNameFastPaths() {
        for s in Self.samples {
            XCTAssertEqual(IAMNames.isLegal(s), IAMNames.isLegalByScalars(s), "\(s.debugDescription)")
            XCTAssertTrue(IAMNames.pipelineID(s).sameScalars(as: String(s.filter { $0 != "-" })), "\(s.debugDescription)")
            for stage in ["develop", "webdev", "websubstack", nil] {
                for pipeline in ["Epi-Analysis", s] {
                    XCTAssertTrue(FleetGroupNameRule.lowercasedGroup(affiliate: s, pipeline: pipeline, stage: stage)
                        .sameScalars(as: IAMNames.group(affiliate: s, pipeline: pipeline, stage: stage).lowercased()), "\(s.debugDescription)")
                }
            }
        }
    }

    func testInstanceTypeLookupMatchesTheFullSet() {
        for s in Self.samples + Array(InstanceTypes.all) + InstanceTypes.all.map({ $0.uppercased() }) {
            XCTAssertEqual(InstanceTypes.isKnown(s), InstanceTypes.all.contains(s), "\(s.debugDescription)")
        }
    }

    func testRuleHelpersMatchTheirGeneralForms() {
        for s in Self.samples {
            let d = s.debugDescription
            XCTAssertEqual(MixedCheckoutRule.isRunMain(s), MixedCheckoutRule.isRunMainByFoundation(s), d)
            let parts = s.split(separator: "/")
            XCTAssertEqual(MixedCheckoutRule.checkout(s), parts.count >= 2 ? String(parts[0]) : nil, d)
            XCTAssertEqual(ContactEmailRule.looksLikeEmail(s), ContactEmailRule.looksLikeEmailByCharacters(s), d)
            XCTAssertEqual(AMIRule.isValid(s), AMIRule.isValidByCharacters(s), d)
            XCTAssertEqual(HandlerRule.isDotted(s), HandlerRule.isDottedByCharacters(s), d)
            XCTAssertEqual(AffiliateNameCaseRule.isMixedCaseIdentifier(s),
                           s.contains(where: \.isUppercase) && s.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }), d)
            if PipelineNameRule.isValidASCII(s) { XCTAssertNil(PipelineNameRule.problem(s), d) }
            if s.isASCIIBytes { // LegacyEntryRule's byte search stands in for contains only there
                XCTAssertEqual(s.containsBytes("run_main"), s.contains("run_main"), d)
                XCTAssertEqual(s.containsBytes("a."), s.contains("a."), d)
            }
        }
        // The pipeline-name fast path does decide the common case.
        XCTAssertTrue(PipelineNameRule.isValidASCII("epi-analysis"))
        XCTAssertFalse(PipelineNameRule.isValidASCII("epi-"))
    }

    func testCatalogIndexMatchesFieldCatalog() {
        let keys = FieldCatalog.all.map(\.key) + ["INSTANCETYPE", "\u{212A}EY_NAME", "KEY_NAME\u{301}", "", "Metadata", "metadata"]
        let nodes: [Node] = [.init(.object([]), .at(0)), .init(.array([]), .at(0)), .init(.string("x"), .at(0)),
                             .init(.number(.init(raw: "1", value: 1)), .at(0)), .init(.number(.init(raw: "1.5", value: 1.5)), .at(0)),
                             .init(.bool(true), .at(0)), .init(.null, .at(0))]
        for (c, container) in CatalogIndex.containers.enumerated() {
            for key in keys {
                let general = FieldCatalog.spec(container: container, key: key)
                let id = CatalogIndex.spec(container: c, key: key)
                XCTAssertEqual(id.map { CatalogIndex.specs[$0].pointerPattern }, general?.pointerPattern, "\(container) \(key)")
                guard let id, let general else { continue }
                for node in nodes {
                    XCTAssertEqual(CatalogIndex.acceptedKinds[id] & CatalogIndex.kindMask(node) != 0,
                                   general.types.contains { $0.matches(node) }, "\(key) \(node.typeName)")
                }
            }
            XCTAssertEqual(CatalogIndex.required[c].map { CatalogIndex.specs[$0].key },
                           FieldCatalog.fields(in: container).values.filter(\.required).map(\.key).sorted())
            XCTAssertEqual(Set(CatalogIndex.suggestions[c]),
                           Set(FieldCatalog.fields(in: container).values.filter { $0.status != .toolState }.map(\.key)))
        }
    }

    func testDottedPointerMatchesJSONPointer() {
        let tokens = ["Lambda", "LambdaConfig", "0", "12", "007", "-1", "-", "+3", "", "a~1b", "~0", "caf\u{E9}", "1e3",
                      "99999999999999999999", "123456789012345678", "x y", "0x", "[1]"]
        var pointers = ["", "/", "//", "a/b", "/UXData/Affiliates/0/UserNames/3", "/Lambda/LambdaConfig/AMI"]
        for a in tokens { for b in tokens { pointers += ["/\(a)/\(b)", "/\(a)", "/\(a)//\(b)/"] } }
        for p in pointers { XCTAssertEqual(DottedPointer.text(p), JSONPointer.dotted(p), p) }
        XCTAssertEqual(TemplateLeftoverRule.checkedIDs.map(\.count).reduce(0, +), TemplateLeftoverRule.checked.count)
    }

    func testFastMemberFindsWhatMemberFinds() {
        let members = ["a", "KEY_NAME", "\u{212A}EY_NAME", "caf\u{E9}", "cafe\u{301}", "KEY_NAME"].enumerated().map {
            Node.Member(key: $0.element, keyRange: .at($0.offset), value: Node(.null, .at($0.offset)))
        }
        let node = Node(.object(members), .at(0))
        for key in ["a", "KEY_NAME", "\u{212A}EY_NAME", "caf\u{E9}", "cafe\u{301}", "b", ""] {
            XCTAssertEqual(node.fastMember(key)?.keyRange, node.member(key)?.keyRange, key)
        }
    }

    /// The facts cache hands each blueprint its own facts, also for two parses of the same text
    /// and when the same context checks many files.
    func testRuleFactsFollowTheBlueprint() throws {
        let context = RuleContext()
        let a = try Document.parse(path: "a.json", bytes: Array(#"{"Lambda": {"LambdaConfig": {"COMMAND": "one"}}}"#.utf8)).get()
        let b = try Document.parse(path: "a.json", bytes: Array(#"{"Lambda": {"LambdaConfig": {"COMMAND": "two; three"}}}"#.utf8)).get()
        for _ in 0..<3 {
            for (doc, text) in [(a, "one"), (b, "two; three")] {
                XCTAssertEqual(context.facts(Blueprint(document: doc)).command?.text, text)
            }
        }
        for i in 0..<100 { // more blueprints than the cache keeps
            let doc = try Document.parse(path: "\(i).json", bytes: Array(#"{"Lambda": {"LambdaConfig": {"COMMAND": "c\#(i)"}}}"#.utf8)).get()
            XCTAssertEqual(context.facts(Blueprint(document: doc)).command?.unquoted, [["c\(i)"]])
        }
        XCTAssertEqual(context.facts(Blueprint(document: a)).command?.text, "one")
    }
}

/// The detector as it was before issue 13 (copy, lowercase, Set lookup), to compare with.
private enum ReferenceTemplateLeftover {
    static let phrases: Set<[UInt8]> = Set(TemplateLeftover.phrases)
    static func matches(_ value: String) -> Bool {
        var v = Array(value.utf8)
        while let f = v.first, f == 0x20 || f == 0x09 { v.removeFirst() }
        while let l = v.last, l == 0x20 || l == 0x09 { v.removeLast() }
        for i in v.indices where v[i] >= 0x41 && v[i] <= 0x5A { v[i] += 0x20 }
        if phrases.contains(v) { return true }
        guard v.contains(0x20) || v.first == UInt8(ascii: "[") else { return false }
        for w in TemplateLeftover.words where containsWord(v, w) { return true }
        return false
    }
    static func containsWord(_ v: [UInt8], _ w: [UInt8]) -> Bool {
        guard w.count <= v.count else { return false }
        func isLetter(_ b: UInt8) -> Bool { (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) }
        var i = 0
        while i + w.count <= v.count {
            if v[i] == w[0] {
                var k = 1
                while k < w.count, v[i + k] == w[k] { k += 1 }
                if k == w.count && (i == 0 || !isLetter(v[i - 1])) && (i + k == v.count || !isLetter(v[i + k])) { return true }
            }
            i += 1
        }
        return false
    }
}

/// SplitMix64, so the random samples are the same on every run.
private struct SeededGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Suggestions come from ordered lists: with a tie the answer is the same in every process.
final class RuleSuggestionOrderTests: XCTestCase {
    func testTiedSuggestionsAreStable() throws {
        let edited = ExampleBlueprints.applying([("\"INSTANCE_TYPE\": \"p3.2xlarge\"", "\"INSTANCE_TYPE\": \"p2..xlarge\"")])
        let report = Validator.validate(inputs: [(path: "a.json", bytes: Array(edited.utf8))], options: .init(configFiles: false))
        let finding = try XCTUnwrap(report.files.first?.diagnostics.first { $0.ruleID == "BP131" })
        XCTAssertEqual(finding.message, "'p2..xlarge' is not a known EC2 instance type: did you mean 'p2.8xlarge'?")
    }
}

final class NameMapTests: XCTestCase {
    /// Same answers as a Dictionary keyed by ScalarKey (code points), through growth and collisions.
    func testNameMapAgreesWithScalarKeyDictionary() {
        var map = NameMap<Int>()
        var reference: [ScalarKey: Int] = [:]
        let names = RuleFastPathTests.samples + RuleFastPathTests.samples.map { $0.lowercased() } + ["caf\u{E9}", "cafe\u{301}"]
        for (i, name) in names.enumerated() {
            XCTAssertEqual(map.position(of: name).map { map[$0] }, reference[ScalarKey(name)], name.debugDescription)
            if reference[ScalarKey(name)] == nil {
                reference[ScalarKey(name)] = i
                map.append(name, i)
            }
        }
        XCTAssertEqual(map.count, reference.count)
        XCTAssertNotEqual(map.position(of: "caf\u{E9}"), map.position(of: "cafe\u{301}"))
        for (p, name) in map.names.enumerated() { XCTAssertEqual(reference[ScalarKey(name)], map[p]) }
    }
}
