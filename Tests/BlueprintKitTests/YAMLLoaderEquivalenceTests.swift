import Foundation
import XCTest
@testable import BlueprintKit

/// YAMLLoader (libyaml's events, composed in BlueprintKit) must give exactly the trees and the
/// errors the Yams-based loader gave (kept as YamsReferenceLoader): every node's range, key,
/// kind and number text, and every error's message, offset, hint and related place, on the
/// shared blueprints read as YAML, on hand-written edge cases and on thousands of mutations.
final class YAMLLoaderEquivalenceTests: XCTestCase {
    private func describe(_ n: Node) -> String {
        var out = ""
        func walk(_ n: Node) {
            out += "<\(n.range.start),\(n.range.end)>"
            switch n.kind {
            case .object(let members):
                out += "{"
                for m in members { out += "\(Array(m.key.utf8))@\(m.keyRange.start),\(m.keyRange.end)="; walk(m.value); out += "," }
                out += "}"
            case .array(let elements):
                out += "["
                for e in elements { walk(e); out += "," }
                out += "]"
            case .string(let s): out += "s\(Array(s.utf8))"
            case .number(let x): out += "n\(x.raw)|\(x.value.bitPattern)"
            case .bool(let b): out += "b\(b)"
            case .null: out += "null"
            }
        }
        walk(n)
        return out
    }

    private func outcome(_ load: () throws(ParseError) -> Node) -> String {
        do { return describe(try load()) } catch {
            return "error \(error.message)|\(error.offset)|\(error.hint ?? "-")|\(error.related.map { "\($0.message)@\($0.offset)" } ?? "-")"
        }
    }

    private func outcomes(_ text: String) -> (new: String, old: String) {
        let source = SourceFile(path: "t.yaml", bytes: Array(text.utf8))
        return (outcome { () throws(ParseError) in try YAMLLoader.load(source, text: text) },
                outcome { () throws(ParseError) in try YamsReferenceLoader.load(source, text: text) })
    }

    private func assertSame(_ text: String, file: StaticString = #filePath, line: UInt = #line) {
        let (new, old) = outcomes(text)
        XCTAssertTrue(Self.agree(new, old), "input: \(text.debugDescription.prefix(300))\nnew: \(new.prefix(300))\nold: \(old.prefix(300))", file: file, line: line)
    }

    /// Equal, or the case where Yams' answer varied from run to run: it took the repeated keys
    /// from a Dictionary (hash order, seeded per process) and sorted them with an order under
    /// which some are unordered (a scalar and a mapping key; `1` and `"1"`, equal text with
    /// different tags), so their order in the message and the reported place varied. Then the
    /// same keys must be named, in some order.
    static func agree(_ new: String, _ old: String) -> Bool {
        if new == old { return true }
        let a = new.split(separator: "|", omittingEmptySubsequences: false), b = old.split(separator: "|", omittingEmptySubsequences: false)
        let prefix = "error duplicate key "
        guard a.count == 4, b.count == 4, a[2] == b[2], a[3] == b[3], a[0].hasPrefix(prefix), b[0].hasPrefix(prefix) else { return false }
        let names = { (m: Substring) in m.dropFirst(prefix.count).components(separatedBy: ", ") }
        let x = names(a[0]), y = names(b[0])
        guard x.sorted() == y.sorted() else { return false }
        return x != y || Set(x).count < x.count
    }

    /// Yams' base-60 integer arithmetic trapped on overflow (a crash of the old loader, e.g. on
    /// `a: 1:1:1:1:1:1:1:1:1:1:1`); inputs with a word that might reach it are not given to the
    /// reference.
    static func referenceMayTrap(_ text: String) -> Bool {
        let words = text.split(whereSeparator: { $0.isWhitespace || ",[]{}\"'".contains($0) })
        return words.contains { word in
            let groups = word.split(separator: ":", omittingEmptySubsequences: false)
            return groups.count >= 11 || (groups.count > 3 && groups.contains { $0.count > 2 }) || (groups.count > 1 && groups.contains { $0.count > 10 })
        }
    }

    /// Where the old loader crashed, the new one reads a float (the integer reading overflows).
    func testBaseSixtyOverflowReadsAsFloat() throws {
        let text = "a: 1:1:1:1:1:1:1:1:1:1:1\n"
        let root = try YAMLLoader.load(SourceFile(path: "t.yaml", bytes: Array(text.utf8)), text: text)
        guard case .object(let members) = root.kind, case .number(let n) = members.first?.value.kind else { return XCTFail("\(root)") }
        XCTAssertEqual(n.raw, "1:1:1:1:1:1:1:1:1:1:1")
        XCTAssertTrue(Self.referenceMayTrap(text))
    }

    static let seeds: [String] = [
        """
        PipelineName: demo-analysis
        REGION: us-east-1
        STAGE: websubstack
        Lambda:
          CodeUri: ../../protocols
          Handler: submit_start.handler_multisession
          LambdaConfig:
            AMI: ami-0123456789abcdef0
            INSTANCE_TYPE: p2.xlarge
            REGION: us-east-1
            COMMAND: "bash ~/run.sh"
            EXECUTION_TIMEOUT: 180
            SSM_TIMEOUT: 172000
            MAXCOST: '300'
            LAUNCH: yes
            MONITOR: ~
        UXData:
          Affiliates:
            - AffiliateName: traviscipermagroup
              UserNames: [user1, "user2", 'user 3']
              UserInput: true
              ContactEmail: "NOTE: KEEP THIS AFFILIATE TO ENABLE EASY TESTING"
        """,
        """
        base: &base {a: 1, b: 0x1F, c: 0o17, d: 0b101, e: 1_000, f: 1:30:00, g: 190:20:30.15, h: .inf, i: -.INF, j: .NaN}
        copy: *base
        list: [*base, *base, {k: 012, l: +12, m: -0, n: 6.8523015e+5, o: 685.230_15e+03, p: ., q: 1e400}]
        bools: [yes, No, ON, off, TRUE, false, y, n]
        nulls: [~, null, Null, NULL, , "null"]
        tagged: [!!str 12, !!str yes, !!int "3", ! 12, !!str null, !custom x, !!float 1]
        block: |
          line one
           line two
        folded: >-
          a
          b
        quoted: "a\\tb\\u00e9\\x41 \\N\\L\\P\\uFEFF"
        single: 'it''s'
        time: 2001-12-14t21:59:43.10-05:00
        date: 2002-12-14
        ? complex
        : value
        "x": 1
        'y': 2
        """,
        "- a\n- b: c\n  d: [e, {f: g}]\n- - nested\n  - seq\n- {? h, i: }\n",
        "{a: 1, b: [2, 3], c: {d: e}}",
        "[1, 2, [3, [4, [5]]]]",
        "k: v\n...\n",
        "--- !!map\nk: &x v\nl: *x\n",
        "a: b\n--- \nc: d\n",
        "key: \u{FEFF}\"\\uFEFFquoted\"\nk2: \"\\uFEFF\"\n",
        "é: 1\ne\u{301}: 2\n",
        "1: a\n\"1\": b\n",
        "1: a\n\"1\": b\n1: c\n\"1\": d\n",
        "[a]: 1\n[a]: 2\n",
        "{a: 1}: x\n{a: 1}: y\n",
        "b: 1\na: 2\nb: 3\na: 4\n",
        "=: 1\n",
        "a: &k yEs\n*k : 1\nb: *k\n",
        "&k tRUE : 1\nv: *k\nw: &j oN\nx: *j\n",
        "&k ! yes : 1\nv: *k\nw: ! yes\n",
        "? &m {a: 1}\n: x\nv: *m\n",
        "? {a: 1}\n: x\nv: 1\n? {a: 1}\n: y\nv: 2\n",
        "! é: 1\né: 2\n",
        "! a: 1\n!!str a: 2\n",
        "x: *undefined\n",
        "a: &a [*a]\n",
        "a:\n\t- b\n",
        "a: 'unterminated\n",
        "a: \u{1}\n",
        "a: b: c\n",
        "[ ? ]\n",
        "[ ? a ]\n",
        "[ ? a : b, c: d, ? ]\n",
        "- [ ? ]\n- x\n",
        "<<: {a: 1}\n",
        "%YAML 1.1\n---\na: 1\n",
        "%TAG !e! tag:example.com,2000:\n---\na: !e!foo 1\n",
        "a: !undefined!x 1\n",
        "",
        "# only a comment\n",
        "~\n",
        "plain scalar\n",
        "a: 1:2:3:4:5:6:7:8:9:10\n",
        "a: -1:59:59.5\n",
        "a: 0x_F\nb: 0b\nc: 0o\nd: 08\ne: 09.5\nf: +0x1A\ng: 0x-5\n",
    ]

    func testSeedsAndEdgeCases() {
        for s in Self.seeds { assertSame(s) }
    }

    func testSharedBlueprintsReadAsYAML() throws {
        let dir = TestPaths.sharedBlueprints.path
        var checked = 0
        for path in try FileDiscovery.blueprints(in: [dir]) {
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { continue }
            assertSame(text) // JSON is YAML's flow style
            checked += 1
        }
        XCTAssertGreaterThan(checked, 20)
    }

    /// Deep nesting: the reference's libyaml stops at 1,000 levels (indentation levels plus flow
    /// level), the loader at InputLimits.maxDepth.
    func testDeepNesting() {
        for depth in [InputLimits.maxDepth - 1, InputLimits.maxDepth + 2, 998, 999, 1_000, 1_001, 1_500] {
            assertSame(String(repeating: "[", count: depth) + String(repeating: "]", count: depth))
            assertSame(String(repeating: "{a: ", count: depth) + "b" + String(repeating: "}", count: depth))
            assertSame((0..<depth).map { String(repeating: "  ", count: $0) + "k\($0):" }.joined(separator: "\n") + " v\n")
            assertSame((0..<depth).map { String(repeating: "  ", count: $0) + "- " }.joined() + "x\n")
            assertSame((0..<(depth / 2)).map { String(repeating: " ", count: $0) + "- [" }.joined(separator: "\n") + String(repeating: "]", count: depth / 2))
        }
    }

    /// Aliases expand while converting, within YAMLLoader.maxNodes.
    func testAliasExpansionBudget() {
        var lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
        for i in 1..<8 { lines.append("a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]") }
        assertSame(lines.joined(separator: "\n") + "\n")
        assertSame(lines.prefix(4).joined(separator: "\n") + "\n")
    }

    /// Random edits of the seeds with YAML's syntax characters: both loaders must agree on every
    /// result, tree or error.
    func testMutations() {
        let pieces = [":", ": ", "-", "- ", " ", "  ", "\n", "\n  ", "[", "]", "{", "}", "?", "? ", ",", "&a ", "*a", "&b ", "*b",
                      "!", "!!str ", "!!int ", "! ", "'", "\"", "#", " #", "|", ">", "|-", "\t", "0", "~", "yes", "0x1F", "1_0",
                      "1:20", ".5", "é", "e\u{301}", "\u{85}", "\u{2028}", "\u{FEFF}", "\u{1}", "%", "@", "`", "...", "---", "\\",
                      "\\u00e9", "<<", "=", "null", "true", "key", "k: v"]
        var rng = SplitMix(seed: 0x5EED_1A_31)
        var compared = 0, errors = 0, skipped = 0
        for round in 0..<20_000 {
            var text = Array(Self.seeds[round % Self.seeds.count].unicodeScalars)
            for _ in 0...(rng.next() % 4) {
                let at = text.isEmpty ? 0 : Int(rng.next() % UInt64(text.count + 1))
                switch rng.next() % 4 {
                case 0, 1:
                    text.insert(contentsOf: pieces[Int(rng.next() % UInt64(pieces.count))].unicodeScalars, at: at)
                case 2:
                    let n = min(text.count - at, Int(rng.next() % 6))
                    text.removeSubrange(at..<(at + n))
                default:
                    let n = min(text.count - at, Int(rng.next() % 40))
                    text.insert(contentsOf: text[at..<(at + n)], at: at)
                }
            }
            var s = ""
            s.unicodeScalars.append(contentsOf: text)
            if Self.referenceMayTrap(s) { skipped += 1; continue }
            let (new, old) = outcomes(s)
            XCTAssertTrue(Self.agree(new, old), "input: \(s.debugDescription)\nnew: \(new.prefix(300))\nold: \(old.prefix(300))")
            if !Self.agree(new, old) { return }
            compared += 1
            if new.hasPrefix("error") { errors += 1 }
        }
        XCTAssertEqual(compared + skipped, 20_000)
        XCTAssertGreaterThan(compared, 18_000)
        // Both kinds of outcome were exercised.
        XCTAssertGreaterThan(errors, 2_000)
        XCTAssertLessThan(errors, 18_000)
    }
}
