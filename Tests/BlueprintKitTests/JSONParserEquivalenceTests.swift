import Foundation
import XCTest
@testable import BlueprintKit

/// The buffer-pointer JSONParser must give exactly the former parser's trees (keys, values,
/// number text and value bits, every byte range) and exactly its errors (message, offset, hint,
/// related place), on real files, the JSON Schema test suite and mutated or random bytes.
final class JSONParserEquivalenceTests: XCTestCase {
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
            case .number(let x): out += "n\(x.raw)|\(x.value.bitPattern)|\(String(describing: x.integer))"
            case .bool(let b): out += "b\(b)"
            case .null: out += "null"
            }
        }
        walk(n)
        return out
    }

    private func outcome(_ parse: () throws(ParseError) -> Node) -> String {
        do { return describe(try parse()) } catch {
            return "error \(error.message)|\(error.offset)|\(error.hint ?? "-")|\(error.related.map { "\($0.message)@\($0.offset)" } ?? "-")"
        }
    }

    private func assertSame(_ bytes: [UInt8], start: Int = 0, _ what: @autoclosure () -> String, file: StaticString = #filePath, line: UInt = #line) {
        let new = outcome { () throws(ParseError) in try JSONParser.parse(bytes, startingAt: start) }
        let old = outcome { () throws(ParseError) in try LegacyJSONParser.parse(bytes, startingAt: start) }
        XCTAssertEqual(new, old, what(), file: file, line: line)
    }

    func testRealFiles() throws {
        var files: [URL] = []
        for root in [TestPaths.sharedBlueprints, TestPaths.shared.appendingPathComponent("json-schema-test-suite"), TestPaths.repo.appendingPathComponent("schemas")] {
            guard let e = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { continue }
            for case let url as URL in e where url.pathExtension == "json" { files.append(url) }
        }
        XCTAssertGreaterThan(files.count, 50)
        var trees = 0
        for url in files {
            let bytes = try Array(Data(contentsOf: url))
            assertSame(bytes, url.path)
            if (try? JSONParser.parse(bytes)) != nil { trees += 1 }
        }
        XCTAssertGreaterThan(trees, 50, "most real files parse")
    }

    func testEdgeCases() {
        let cases = [
            "", " ", "{}", "[]", "[1,]", "{\"a\":1,}", "{\"a\" 1}", "{\"a\":1 \"b\":2}", "[1 2]", "\"abc", "\"a\\", "\"a\\u12\"",
            "\"\\ud800\"", "\"\\ud800\\u0041\"", "\"\\udc00\"", "\"\\ud83d\\ude00 \\u00e9 \\/ \\b\\f\\n\\r\\t\\\"\\\\\"", "\"a\nb\"", "\"a\tb\"",
            "\"\u{01}\"", "\"\\x\"", "0", "-0", "-", "01", "1.", "1.5", "1e", "1e+", "1E-7", "123456789012345", "1234567890123456",
            "-123456789012345", "99999999999999999999", "1.0", "-0.0", "3.14159e100", "1e400", "tru", "True", "nul", "NULL", "false",
            "'a'", "{'a': 1}", "// c\n{}", "/* c */", "{} x", "[[[[]]]]", "{\"a\":{\"b\":[1,{\"c\":null}]}}", "{\"a\":1,\"a\":2}",
            "{\"k\":1, \"K\":2, \"k\":3}", "{\"caf\u{E9}\":1,\"cafe\u{301}\":2}", "\u{E9}", "[\"\u{1F600}\"]", "{\"a\":}", "{:1}", "{\"a\"",
            "[", "{", "[1", "{\"a\":1", "nulll", "[true,false,null]", " \n\t\r[ 1 , 2 ] \n",
        ]
        for c in cases { assertSame(Array(c.utf8), c) }
        // Objects past the linear duplicate-key limit, with and without a late duplicate.
        let big = "{" + (0..<(JSONParser.linearKeyLimit + 40)).map { "\"k\($0)\": \($0)" }.joined(separator: ",") + "}"
        assertSame(Array(big.utf8), "40 keys")
        assertSame(Array((big.dropLast() + ",\"k3\": 0}").utf8), "40 keys, duplicate")
        assertSame(Array((big.dropLast() + ",\"k\(JSONParser.linearKeyLimit + 30)\": 0}").utf8), "many keys, duplicate past the linear limit")
        assertSame(Array(("\u{FEFF}" + big).utf8), start: 3, "after a BOM")
        let deep = String(repeating: "[", count: InputLimits.maxDepth + 1) + String(repeating: "]", count: InputLimits.maxDepth + 1)
        assertSame(Array(deep.utf8), "too deep")
    }

    func testMutatedAndRandomBytes() throws {
        var rng = SplitMix(seed: 7)
        let sources = [Array(ExampleBlueprints.clean.utf8)] + (try FileManager.default.contentsOfDirectory(atPath: TestPaths.sharedBlueprints.path)
            .sorted().prefix(6).compactMap { try? Array(Data(contentsOf: TestPaths.sharedBlueprints.appendingPathComponent("\($0)/stack_config_template.json"))) })
        let alphabet = Array("{}[]\",:0123456789-+.eEtruefalsn \\u\n\t'/*é".utf8)
        for i in 0..<4000 {
            let source = sources[i % sources.count]
            var bytes: [UInt8]
            switch i % 4 {
            case 0: bytes = (0..<Int(rng.next() % 64)).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }
            case 1: bytes = Array(source.prefix(Int(rng.next() % UInt64(source.count))))
            case 2:
                bytes = source
                for _ in 0..<3 { bytes[Int(rng.next() % UInt64(bytes.count))] = alphabet[Int(rng.next() % UInt64(alphabet.count))] }
            default:
                bytes = source
                let at = Int(rng.next() % UInt64(bytes.count))
                bytes.removeSubrange(at..<min(bytes.count, at + Int(rng.next() % 8)))
            }
            assertSame(bytes, "case \(i)")
        }
    }
}
