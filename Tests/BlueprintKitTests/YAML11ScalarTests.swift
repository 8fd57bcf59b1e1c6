import Foundation
import XCTest
import Yams
@testable import BlueprintKit

/// YAML11Scalar must answer as Yams' default resolver and constructors did, and
/// YAMLScalarWriter.isPlainSafe as it did on Yams, on several thousand generated scalars built
/// from the pieces YAML 1.1's number, boolean, null and timestamp forms are made of.
final class YAML11ScalarTests: XCTestCase {
    static let pieces = ["0", "1", "5", "7", "9", "60", "00", "_", "-", "+", ".", ":", "e", "E", "x", "X", "o", "b", "a", "f", "F",
                         "inf", "Inf", "INF", "nan", "NaN", "NAN", "infinity", "yes", "Yes", "YES", "no", "NO", "on", "ON", "off",
                         "Off", "true", "TRUE", "False", "y", "n", "null", "Null", "NULL", "~", "<<", "=", " ", "\t", "T", "t",
                         "Z", "\n", "\r\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}", "é", "\u{301}", "٣", "０",
                         "ＴＲＵＥ", "\u{212A}", "İ", "2001-12-14", "2001-1-4", "21:59:43", ".10", "-05:00", "p", "#", "'", "\"",
                         "0x", "0o", "0b", "1_000", "1:30", "190:20:30", "685.230_15e+03", "6.8523015e+5", "1e400", "0x7FFFFFFFFFFFFFFF",
                         "9223372036854775808", "1:1:1:1:1:1:1:1:1:1"]

    /// Scalars: every piece alone, every pair, and random concatenations of 3–6 pieces.
    static let scalars: [String] = {
        var out = pieces
        for a in pieces { for b in pieces { out.append(a + b) } }
        var rng = SplitMix(seed: 0xCA1A_B1E)
        for _ in 0..<6_000 {
            var s = ""
            for _ in 0..<(3 + Int(rng.next() % 4)) { s += pieces[Int(rng.next() % UInt64(pieces.count))] }
            out.append(s)
        }
        return out
    }()

    /// Yams' base-60 integer arithmetic traps on overflow (from 11 groups, or long groups);
    /// such scalars are compared on their other readings only.
    private func yamsIntIsSafe(_ s: String) -> Bool {
        let groups = s.split(separator: ":", omittingEmptySubsequences: false)
        guard groups.count > 1 else { return true }
        return (groups.count <= 10 && groups.allSatisfy { $0.count <= 2 }) || (groups.count <= 3 && groups.allSatisfy { $0.count <= 10 })
    }

    func testConstructorsMatchYams() {
        XCTAssertGreaterThan(Self.scalars.count, 5_000)
        var kinds = [0, 0, 0, 0]
        for s in Self.scalars {
            let plain = Yams.Node.Scalar(s, .implicit, .plain)
            let node = Yams.Node.scalar(plain)
            XCTAssertEqual(YAML11Scalar.isNull(s), node.null != nil, "null: \(s.debugDescription)")
            XCTAssertEqual(YAML11Scalar.bool(s), node.bool, "bool: \(s.debugDescription)")
            if yamsIntIsSafe(s) { XCTAssertEqual(YAML11Scalar.int(s), node.int, "int: \(s.debugDescription)") }
            let ours = YAML11Scalar.float(s), theirs = node.float
            XCTAssertTrue(ours == theirs || (ours?.isNaN == true && theirs?.isNaN == true), "float: \(s.debugDescription) \(String(describing: ours)) \(String(describing: theirs))")
            if let ours, let theirs, !ours.isNaN { XCTAssertEqual(ours.bitPattern, theirs.bitPattern, "float bits: \(s.debugDescription)") }
            // `!!str` only stops the boolean reading.
            let str = Yams.Node.scalar(.init(s, Tag(.str), .plain))
            XCTAssertNil(str.bool)
            if node.null != nil { kinds[0] += 1 } else if node.bool != nil { kinds[1] += 1 } else if yamsIntIsSafe(s), node.int != nil { kinds[2] += 1 } else if node.float != nil { kinds[3] += 1 }
        }
        // Every reading was met (null has five spellings only).
        XCTAssertTrue(kinds[0] >= 4 && kinds[1...].allSatisfy { $0 > 10 }, "\(kinds)")
    }

    func testResolvedTagsMatchYams() {
        var tags: [String: Int] = [:]
        for s in Self.scalars {
            let theirs = Yams.Node(s).tag.rawValue
            XCTAssertEqual(YAML11Scalar.resolvedTag(s), theirs, "tag: \(s.debugDescription)")
            tags[theirs, default: 0] += 1
        }
        for tag in ["bool", "int", "float", "merge", "null", "timestamp", "value", "str"] {
            XCTAssertNotNil(tags["tag:yaml.org,2002:" + tag], "no scalar resolved to \(tag)")
        }
    }

    /// Overflowing base 60 (where Yams trapped) is no integer; it still reads as a float.
    func testBaseSixtyOverflowIsNoInteger() {
        XCTAssertNil(YAML11Scalar.int("1:1:1:1:1:1:1:1:1:1:1"))
        XCTAssertEqual(YAML11Scalar.int("1:1:1:1:1:1:1:1:1:1"), Yams.Node("1:1:1:1:1:1:1:1:1:1").int)
        XCTAssertNotNil(YAML11Scalar.float("1:1:1:1:1:1:1:1:1:1:1"))
    }

    func testPlainSafetyMatchesYams() {
        var safe = 0
        for s in Self.scalars + ["null", "~", "a: b", "a #b", "-x", "x-", "---", "...x", "key:", "ok text"] where yamsIntIsSafe(s) {
            // The one deliberate difference: null words were plain-safe on Yams and read back as null.
            let expected = YAML11Scalar.isNull(s) ? false : Self.yamsPlainSafe(s)
            XCTAssertEqual(YAMLScalarWriter.isPlainSafe(s), expected, "plain: \(s.debugDescription)")
            if YAMLScalarWriter.isPlainSafe(s) { safe += 1 }
        }
        XCTAssertGreaterThan(safe, 100)
        for word in ["null", "Null", "NULL", "~"] {
            XCTAssertTrue(Self.yamsPlainSafe(word), word)
            XCTAssertFalse(YAMLScalarWriter.isPlainSafe(word), word)
        }
    }

    /// YAMLScalarWriter.isPlainSafe as it was on Yams (main at 10a0a96).
    static func yamsPlainSafe(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, let last = s.unicodeScalars.last else { return false }
        if " \t".unicodeScalars.contains(last) || "-?:,[]{}#&*!|>'\"%@` \t".unicodeScalars.contains(first) { return false }
        if s.hasPrefix("---") || s.hasPrefix("...") || s.hasSuffix(":") { return false }
        if s.contains(": ") || s.contains(" #") || s.contains(":\t") || s.contains("\t#") { return false }
        func isSpecial(_ u: Unicode.Scalar) -> Bool {
            u.value < 0x20 || u.value == 0x7F || (0x80..<0xA0).contains(u.value) || u == "\u{2028}" || u == "\u{2029}" || u == "\u{FEFF}"
        }
        if s.unicodeScalars.contains(where: { isSpecial($0) || ",[]{}".unicodeScalars.contains($0) }) { return false }
        let node = Yams.Node(s)
        return node.null == nil && node.bool == nil && node.int == nil && node.float == nil
    }
}
