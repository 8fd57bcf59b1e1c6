import Foundation
import XCTest
@testable import BlueprintKit

/// Smaller fast paths of the validate hot path against the expressions they replaced.
final class FastPathEquivalenceTests: XCTestCase {
    func testSortedByPositionEqualsSortByOrdered() {
        var rng = SplitMix(seed: 3)
        let source = SourceFile(path: "x.json", bytes: Array(String(repeating: "{\"a\": 1}\n", count: 20).utf8))
        for round in 0..<50 {
            let diagnostics = (0..<Int(rng.next() % 40)).map { i in
                // Few distinct offsets and ids, so ties (equal offset and id) are common.
                Diagnostic(ruleID: "BP10\(rng.next() % 3)", severity: .warning, message: "m\(i)", hint: nil, source: source,
                           range: .at(Int(rng.next() % 5) * 9), pointer: nil)
            }
            XCTAssertEqual(Diagnostic.sortedByPosition(diagnostics).map(\.message),
                           diagnostics.sorted(by: Diagnostic.ordered).map(\.message), "round \(round)")
        }
    }

    func testAffiliateLabel() {
        func old(_ index: Int, _ name: String?) -> String {
            let name = name.map { " (\($0.count > 30 ? String($0.prefix(27)) + "..." : $0))" } ?? ""
            return "affiliate \(index + 1)\(name)"
        }
        let names: [String?] = [nil, "", "lab", String(repeating: "a", count: 30), String(repeating: "a", count: 31),
                                String(repeating: "é", count: 20), String(repeating: "é", count: 31), String(repeating: "e\u{301}", count: 30),
                                String(repeating: "e\u{301}", count: 31), "🇫🇷" + String(repeating: "x", count: 40)]
        for (i, n) in names.enumerated() {
            XCTAssertEqual(Blueprint.affiliateLabel(i, n), old(i, n), String(describing: n))
        }
    }
}

/// The word-at-a-time UTF-8 check and the memchr line table against byte-by-byte references.
final class SourceFastPathTests: XCTestCase {
    /// The former byte-by-byte check, verbatim.
    private func reference(_ b: [UInt8], from start: Int) -> Int? {
        var i = start
        let n = b.count
        while i < n {
            let c = b[i]
            if c < 0x80 { i += 1; continue }
            var need = 0
            var min: UInt32 = 0
            var v: UInt32 = 0
            switch c {
            case 0xC2...0xDF: need = 1; v = UInt32(c & 0x1F); min = 0x80
            case 0xE0...0xEF: need = 2; v = UInt32(c & 0x0F); min = 0x800
            case 0xF0...0xF4: need = 3; v = UInt32(c & 0x07); min = 0x10000
            default: return i
            }
            for k in 1...need {
                guard i + k < n, b[i + k] & 0xC0 == 0x80 else { return i }
                v = (v << 6) | UInt32(b[i + k] & 0x3F)
            }
            if v < min || v > 0x10FFFF || (0xD800...0xDFFF).contains(v) { return i }
            i += need + 1
        }
        return nil
    }

    func testUTF8CheckEqualsByteByByte() {
        var rng = SplitMix(seed: 11)
        let pieces: [[UInt8]] = [Array("abcdefgh".utf8), Array("é".utf8), Array("€".utf8), Array("😀".utf8), [0xFF], [0xC0, 0x80],
                                 [0xED, 0xA0, 0x80], [0xE2, 0x82], [0xF4, 0x90, 0x80, 0x80], Array("\n\t ".utf8), [0x80]]
        var invalid = 0
        for round in 0..<3000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(rng.next() % 24) { bytes += pieces[Int(rng.next() % UInt64(pieces.count))] }
            let start = bytes.isEmpty ? 0 : Int(rng.next() % UInt64(min(bytes.count, 4)))
            let expected = reference(bytes, from: start)
            if expected != nil { invalid += 1 }
            XCTAssertEqual(UTF8Check.firstInvalidByte(bytes, from: start), expected, "round \(round): \(bytes)")
        }
        XCTAssertGreaterThan(invalid, 100)
    }

    func testLineTableEqualsByteScan() {
        var rng = SplitMix(seed: 5)
        for round in 0..<300 {
            let bytes = (0..<Int(rng.next() % 300)).map { _ in [UInt8(ascii: "a"), 0x0A, 0x0D, 0xC3, 0xA9][Int(rng.next() % 5)] }
            let source = SourceFile(path: "x", bytes: bytes)
            XCTAssertEqual(source.lineCount, bytes.filter { $0 == 0x0A }.count + 1)
            var line = 1, lineStart = 0
            for offset in 0...bytes.count {
                let loc = source.location(of: offset)
                let column = 1 + bytes[lineStart..<offset].filter { $0 & 0xC0 != 0x80 }.count
                XCTAssertEqual([loc.line, loc.column], [line, column], "round \(round) offset \(offset)")
                if offset < bytes.count, bytes[offset] == 0x0A { line += 1; lineStart = offset + 1 }
            }
        }
    }
}

/// The word-at-a-time pre-check of ControlEscape never misses a byte that needs the scalar walk.
final class ControlEscapePreCheckTests: XCTestCase {
    func testPreCheckFindsEveryControlAtEveryPosition() {
        let specials = ["\u{0}", "\u{1F}", "\n", "\r", "\t", "\u{7F}", "\u{80}", "\u{9F}", "\u{2028}", "\u{2029}", "\u{1B}"]
        let harmless = ["\u{20}", "~", "\u{A0}", "é", "…", "—", "\u{2027}", "\u{202A}", "😀"]
        for length in 0..<20 {
            for (k, special) in specials.enumerated() {
                for at in 0...length {
                    let pad = String(repeating: "a", count: length)
                    var s = pad
                    s.insert(contentsOf: special, at: s.index(s.startIndex, offsetBy: at))
                    XCTAssertTrue(ControlEscape.mayNeedEscape(s), "\(k) at \(at) of \(length)")
                    XCTAssertFalse(ControlEscape.mayNeedEscape(pad + harmless[(at + length) % harmless.count] + pad), "\(length)")
                }
            }
        }
    }
}
