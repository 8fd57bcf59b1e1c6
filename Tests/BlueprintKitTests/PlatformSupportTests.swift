import Foundation
import PlatformSupport
import XCTest

/// PlatformSupport stands in for NSString and CharacterSet in the targets the fronts link; each
/// helper must answer as Foundation does on the inputs bpctl meets.
final class PlatformSupportTests: XCTestCase {
    // Not compared: paths starting "//" and components ending "/", where corelibs' NSString has
    // quirks of its own ("//" → "" as last component) that no bpctl path meets.
    private let paths = ["", "/", "a", "a/", "a/b", "a/b/", "/a", "/a/", "/a/b/c", "a//b", "/a//b//",
                         "./a", "../a/b", "/tmp/scratch.tiff", "dir/.hidden", "é/ü", " a /b "]

    func testPathsMatchNSString() {
        for p in paths {
            XCTAssertEqual(PathText.lastComponent(p), (p as NSString).lastPathComponent, "lastComponent(\(p))")
            for c in ["b", "b/c", ".x", ""] where !(p.isEmpty && c.isEmpty) {
                XCTAssertEqual(PathText.appending(p, c), (p as NSString).appendingPathComponent(c), "appending(\(p), \(c))")
            }
        }
    }

    /// NSString's answers, printed by one-line programs: corelibs' `deletingLastPathComponent`
    /// traps (String._startOfLastPathComponent) when called in a loop over these in one process.
    func testDeletingLastComponentMatchesNSString() {
        let expected = ["/": "/", "a": "", "a/": "", "/a": "/", "/a/": "/", "a//b": "a", "/a//b//": "/a", "é/ü": "é",
                        "/a/b/c": "/a/b", "a/b/": "a", "/tmp/scratch.tiff": "/tmp", "": ""]
        for (path, parent) in expected { XCTAssertEqual(PathText.deletingLastComponent(path), parent, path) }
    }

    func testTrimmingMatchesCharacterSet() {
        let samples = ["", " ", "\t a b \t", "\n a \n", "\u{00A0}x\u{3000}", "\r\n\u{2028}y\u{0085}", "a", " é ", "\u{2003}\u{200B}z"]
        for s in samples {
            XCTAssertEqual(s.trimmingWhitespace(), s.trimmingCharacters(in: .whitespaces), "whitespace(\(s.debugDescription))")
            XCTAssertEqual(s.trimmingWhitespaceAndNewlines(), s.trimmingCharacters(in: .whitespacesAndNewlines),
                           "whitespaceAndNewlines(\(s.debugDescription))")
            XCTAssertEqual(s.dropFirst(0).trimmingWhitespace(), s.trimmingCharacters(in: .whitespaces))
        }
    }

    func testReplacingMatchesNSString() {
        let cases: [(String, String, String)] = [("a~b/c", "~", "~0"), ("a/b/c", "/", "~1"), ("aaa", "aa", "b"), ("", "x", "y"),
                                                 ("x", "", "y"), ("héllo wörld", "ö", "o"), ("%\r\n", "%", "%25"), ("abc", "abcd", "z")]
        for (s, old, new) in cases where !old.isEmpty {
            XCTAssertEqual(s.replacingAll(old, with: new), s.replacingOccurrences(of: old, with: new), "\(s) \(old)")
        }
        XCTAssertEqual("x".replacingAll("", with: "y"), "x")
        XCTAssertEqual(PathText.deletingLastComponent(""), "")
    }

    func testLockExcludes() {
        let lock = Lock()
        final class Box: @unchecked Sendable { var n = 0 }
        let box = Box()
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            for _ in 0..<10_000 { lock.withLock { box.n += 1 } }
        }
        XCTAssertEqual(box.n, 80_000)
    }

    /// Whole-file reads in growing uninitialised chunks: every size around the chunk edges reads
    /// back as FileManager reads it; folders and missing files are nil, as FileManager answers.
    func testDescriptorContentsMatchFileManager() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ps-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for size in [0, 1, 16383, 16384, 16385, 49152, 49153, 1 << 20, (3 << 20) + 7] {
            let file = dir.appendingPathComponent("f\(size)")
            try Data((0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }).write(to: file)
            XCTAssertEqual(DescriptorIO.contents(ofFile: file.path), FileManager.default.contents(atPath: file.path).map { [UInt8]($0) }, "\(size) bytes")
        }
        XCTAssertNil(DescriptorIO.contents(ofFile: dir.path))
        XCTAssertNil(DescriptorIO.contents(ofFile: dir.appendingPathComponent("missing").path))
    }
}
