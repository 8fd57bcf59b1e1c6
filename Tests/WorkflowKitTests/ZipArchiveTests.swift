import Foundation
import WorkflowKit
import XCTest

/// parse-zip against archives made by Python's zipfile (deflate and stored, macOS litter).
final class ZipArchiveTests: XCTestCase {
    func makeZip(_ dir: URL, _ name: String, _ entries: [String: String], compress: Bool = true) throws -> String {
        let path = dir.appendingPathComponent(name).path
        let spec = try String(decoding: JSONSerialization.data(withJSONObject: entries), as: UTF8.self)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", """
            import json, sys, zipfile
            with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED if sys.argv[3] == "1" else zipfile.ZIP_STORED) as z:
                for k, v in json.loads(sys.argv[2]).items():
                    z.writestr(k, "frame 0123456789\\n" * 20000 if v == "@BIG@" else v)
            """, path, spec, compress ? "1" : "0"]
        try p.run()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { throw XCTSkip("python3 zipfile unavailable") }
        return path
    }

    func testExtractsTheSingleTopLevelFolder() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bpctl-zip-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let big = String(repeating: "frame 0123456789\n", count: 20_000)
        for compress in [true, false] {
            let zip = try makeZip(dir, "d\(compress).zip", ["movie/": "", "movie/a.txt": "alpha", "movie/sub/big.txt": "@BIG@",
                                                              "__MACOSX/movie/._a.txt": "junk"], compress: compress)
            let out = dir.appendingPathComponent("out\(compress)")
            try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
            XCTAssertEqual(try ZipArchive.extractSingleTopLevel(zip, into: out.path), "movie")
            XCTAssertEqual(try String(contentsOf: out.appendingPathComponent("movie/a.txt"), encoding: .utf8), "alpha")
            XCTAssertEqual(try String(contentsOf: out.appendingPathComponent("movie/sub/big.txt"), encoding: .utf8), big)
            XCTAssertFalse(FileManager.default.fileExists(atPath: out.appendingPathComponent("__MACOSX").path))
        }
        let two = try makeZip(dir, "two.zip", ["a/x.txt": "1", "b/y.txt": "2"])
        XCTAssertThrowsError(try ZipArchive.extractSingleTopLevel(two)) { XCTAssertTrue("\($0)".contains("has 2 top-level entries (a, b)"), "\($0)") }
        let notZip = dir.appendingPathComponent("no.zip")
        try Data("not a zip at all".utf8).write(to: notZip)
        XCTAssertThrowsError(try ZipArchive.extractSingleTopLevel(notZip.path)) { XCTAssertTrue("\($0)".contains("is not a zip archive"), "\($0)") }
        let evil = try makeZip(dir, "evil.zip", ["../escape.txt": "x"])
        XCTAssertThrowsError(try ZipArchive.extractSingleTopLevel(evil))
    }
}
