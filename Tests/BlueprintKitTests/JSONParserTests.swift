import XCTest
@testable import BlueprintKit

final class JSONParserTests: XCTestCase {
    func testRecordsPositionsOfKeysAndValues() throws {
        let text = "{\n  \"PipelineName\": \"epi\",\n  \"Lambda\": {\"LambdaConfig\": {\"AMI\": \"ami-1\"}},\n  \"n\": [1, 2.5, true, null]\n}"
        let doc = try XCTUnwrap(document(text))
        let name = try XCTUnwrap(doc.root.member("PipelineName"))
        XCTAssertEqual(doc.source.location(of: name.keyRange.start), SourceLocation(offset: 4, line: 2, column: 3))
        XCTAssertEqual(doc.source.location(of: name.value.range.start).description, "2:19")
        XCTAssertEqual(name.value.string, "epi")
        let ami = try XCTUnwrap(JSONPointer.resolve("/Lambda/LambdaConfig/AMI", in: doc.root))
        XCTAssertEqual(doc.source.location(of: ami.range.start).description, "3:38")
        XCTAssertEqual(ami.range.end - ami.range.start, 7) // "ami-1" with its quotes
        let n = try XCTUnwrap(doc.root["n"]?.elements)
        XCTAssertEqual(n[0].number?.integer, 1)
        XCTAssertNil(n[1].number?.integer)
        XCTAssertEqual(n[1].number?.value, 2.5)
        XCTAssertEqual(n[2].bool, true)
        XCTAssertTrue(n[3].isNull)
    }

    func testColumnsCountCharactersNotBytes() throws {
        let doc = try XCTUnwrap(document("{\"é\": \"ü\", \"x\": 1}"))
        let x = try XCTUnwrap(doc.root.member("x"))
        XCTAssertEqual(doc.source.location(of: x.keyRange.start).column, 12)
    }

    func testDecodesEscapes() throws {
        let doc = try XCTUnwrap(document(#"{"s": "a\"b\\c\/d\n\u00e9\ud83d\ude00"}"#))
        XCTAssertEqual(doc.root["s"]?.string, "a\"b\\c/d\né😀")
    }

    func testDuplicateKeyNamesBothPositions() throws {
        let (error, source) = try XCTUnwrap(parseError(Array("{\n \"AMI\": \"a\",\n \"AMI\": \"b\"\n}".utf8)))
        XCTAssertEqual(error.message, "duplicate key \"AMI\"")
        XCTAssertEqual(source.location(of: error.offset).description, "3:2")
        XCTAssertEqual(error.related.map { source.location(of: $0.offset).description }, "2:2")
    }

    /// Small objects compare keys in order, larger ones hash them: both find the first
    /// definition, and both compare code points (U+00E9 and "e" + U+0301 are two keys).
    func testDuplicateKeysInSmallAndLargeObjects() throws {
        for count in [3, 15, 16, 17, 40, JSONParser.linearKeyLimit - 1, JSONParser.linearKeyLimit, JSONParser.linearKeyLimit + 1, 200] {
            var members = (0..<count).map { "\"k\($0)\": \($0)" }
            members += ["\"caf\u{E9}\": 1", "\"cafe\u{301}\": 2"]
            XCTAssertNotNil(document("{\(members.joined(separator: ", "))}"), "\(count) members")
            members.append("\"k1\": 0")
            let text = "{\(members.joined(separator: ",\n"))}"
            let (error, source) = try XCTUnwrap(parseError(Array(text.utf8)), "\(count) members")
            XCTAssertEqual(error.message, "duplicate key \"k1\"")
            XCTAssertEqual(source.location(of: error.offset).description, "\(count + 3):1")
            XCTAssertEqual(error.related.map { source.location(of: $0.offset).description }, "2:1")
        }
    }

    /// Each malformed input gives a message and a position, never a crash.
    func testMalformedInputs() throws {
        let cases: [(String, [UInt8], String, String)] = [
            ("empty", [], "the file is empty", "1:1"),
            ("whitespace only", Array("  \n ".utf8), "the file is empty", "2:2"),
            ("trailing comma", Array("{\"a\": 1,}".utf8), "trailing comma before '}'", "1:9"),
            ("trailing comma in array", Array("[1,]".utf8), "trailing comma before ']'", "1:4"),
            ("truncated", Array("{\"a\": [1, 2".utf8), "the file ends where ',' or ']' to close the array opened earlier was expected", "1:12"),
            ("unterminated string", Array("{\"a\": \"abc".utf8), "unterminated string", "1:7"),
            ("single quotes", Array("{'a': 1}".utf8), "expected a key in double quotes, found '''", "1:2"),
            ("comment", Array("{\"a\": 1 // x\n}".utf8), "expected ',' or '}' after the value of \"a\", found a comment (JSON has no comments)", "1:9"),
            ("python literal", Array("{\"a\": True}".utf8), "expected a value, found 'T'", "1:7"),
            ("leading zero", Array("[012]".utf8), "numbers must not have leading zeros", "1:2"),
            ("bare word", Array("hello".utf8), "expected a value, found 'h'", "1:1"),
            ("two values", Array("{} {}".utf8), "unexpected '{' after the end of the JSON value", "1:4"),
            ("newline in string", Array("[\"a\nb\"]".utf8), "a line break inside a string", "1:4"),
            ("bad escape", Array(#"["\x"]"#.utf8), "invalid escape '\\x'", "1:3"),
            ("lone surrogate", Array(#"["\ud800"]"#.utf8), "unpaired surrogate \\ud800", "1:3"),
            ("missing colon", Array("{\"a\" 1}".utf8), "expected ':' after the key \"a\", found '1'", "1:6"),
            ("not UTF-8", [0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xE9, 0x22, 0x7D], "the file is not valid UTF-8 (byte 0xE9 at offset 6)", "1:7"),
            ("overlong UTF-8", [0x5B, 0x22, 0xC0, 0xAF, 0x22, 0x5D], "the file is not valid UTF-8 (byte 0xC0 at offset 2)", "1:3"),
            ("UTF-16", [0xFF, 0xFE, 0x7B, 0x00], "the file is UTF-16, not UTF-8", "1:1"),
        ]
        for (name, bytes, message, position) in cases {
            guard let (error, source) = parseError(bytes) else { XCTFail(name); continue }
            XCTAssertEqual(error.message, message, name)
            XCTAssertEqual(source.location(of: error.offset).description, position, name)
        }
    }

    func testBOMIsSkippedAndPositionsStayRight() throws {
        let doc = try XCTUnwrap(document("\u{FEFF}{\"a\": 1}"))
        let a = try XCTUnwrap(doc.root.member("a"))
        XCTAssertEqual(a.keyRange.start, 4)
        XCTAssertEqual(doc.source.location(of: a.keyRange.start).column, 3) // the BOM is one character
    }

    func testNestingLimit() throws {
        let deep = String(repeating: "[", count: InputLimits.maxDepth + 1) + String(repeating: "]", count: InputLimits.maxDepth + 1)
        let (error, _) = try XCTUnwrap(parseError(Array(deep.utf8)))
        XCTAssertEqual(error.message, "nesting is deeper than \(InputLimits.maxDepth) levels")
        let ok = String(repeating: "[", count: InputLimits.maxDepth) + String(repeating: "]", count: InputLimits.maxDepth)
        XCTAssertNotNil(document(ok))
    }

    func testSizeLimit() throws {
        let big = [UInt8](repeating: 0x20, count: InputLimits.maxFileBytes + 1)
        let (error, _) = try XCTUnwrap(parseError(big))
        XCTAssertEqual(error.message, "the file is larger than the \(InputLimits.maxFileBytes)-byte limit")
    }

    /// Random garbage and random cuts of a real blueprint: every input either parses or fails
    /// with a position inside the file. A crash here would abort the test run.
    func testRandomInputsNeverCrash() {
        var rng = SplitMix(seed: 42)
        let blueprint = Array(ExampleBlueprints.clean.utf8)
        let alphabet = Array("{}[]\",:0123456789-+.eEtruefalsn \\u\n\t'/*".utf8)
        for i in 0..<3000 {
            var bytes: [UInt8]
            switch i % 3 {
            case 0: bytes = (0..<Int(rng.next() % 64)).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }
            case 1: bytes = Array(blueprint.prefix(Int(rng.next() % UInt64(blueprint.count))))
            default:
                bytes = blueprint
                for _ in 0..<3 { bytes[Int(rng.next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: rng.next()) }
            }
            if case .failure(let e) = Document.parse(path: "fuzz.json", bytes: bytes) {
                XCTAssertLessThanOrEqual(e.error.offset, bytes.count)
                XCTAssertFalse(e.error.message.isEmpty)
            }
        }
    }
}

/// A tiny deterministic PRNG so fuzz cases are reproducible.
struct SplitMix {
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
