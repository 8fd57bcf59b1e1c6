import Foundation
import TestSupport
import WorkflowKit
import XCTest

/// Issue 16 for `scripting parse-zip`: special inputs, zip bombs, overlapping entries, an entry
/// named like the zip, a bare file name. Zips are built here with Python's zipfile and struct.
final class ParseZipHostileTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("bpctl-zipbomb-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(at: dir) }

    /// Runs a Python snippet in the test folder (zip writing is Python's job here).
    func python(_ code: String) throws {
        let r = try runProcess(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", code], directory: dir)
        guard r.status == 0 else { throw XCTSkip("python3 could not build the zip: \(r.stderr)") }
    }

    func contrib(_ args: [String]) throws -> ProcessResult {
        try runProcess(ContribCLITests.binary, ["scripting", "parse-zip"] + args,
                       environment: ["HOME": dir.path, "AWS_EC2_METADATA_DISABLED": "true", "PATH": "/usr/bin:/bin"], directory: dir)
    }

    /// Refused: exit 1 or 2 (never a signal), the reason on the first stderr line, nothing on stdout.
    func assertRefused(_ r: ProcessResult, _ reason: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertTrue([1, 2].contains(r.status), "exit \(r.status): \(r.stderr)", file: file, line: line)
        XCTAssertEqual(r.stdout, "", file: file, line: line)
        let first = r.stderr.split(separator: "\n").first.map(String.init) ?? ""
        XCTAssertTrue(first.contains(reason), "first line: \(first)", file: file, line: line)
        XCTAssertFalse(r.stderr.contains("Fatal error") || r.stderr.contains("Backtrac"), r.stderr, file: file, line: line)
    }

    func testDirectoryAndFIFOAreUsageErrors() throws {
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("adir"), withIntermediateDirectories: true)
        assertRefused(try contrib(["-z", "adir"]), "adir is a directory, not a zip file")
        XCTAssertEqual(try contrib(["-z", "adir"]).status, 2)
        XCTAssertEqual(mkfifo(dir.appendingPathComponent("afifo").path, 0o644), 0)
        assertRefused(try contrib(["-z", "afifo"]), "afifo is a FIFO (named pipe), not a zip file")
        assertRefused(try contrib(["-z", "missing.zip"]), "missing.zip: no such file")
    }

    func testBareFileNameWithASingleFile() throws {
        try python("import zipfile\nwith zipfile.ZipFile('one.zip', 'w') as z: z.writestr('one.txt', 'hello')")
        let r = try contrib(["-z", "one.zip"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, "one.txt\n")
        XCTAssertEqual(try String(contentsOf: dir.appendingPathComponent("one.txt"), encoding: .utf8), "hello")
    }

    func testAnEntryNamedLikeTheZipDoesNotOverwriteIt() throws {
        try python("import zipfile\nwith zipfile.ZipFile('data.zip', 'w') as z: z.writestr('data.zip', 'pwned')")
        let before = try Data(contentsOf: dir.appendingPathComponent("data.zip"))
        assertRefused(try contrib(["-z", "./data.zip"]), "would overwrite the zip itself")
        XCTAssertEqual(try Data(contentsOf: dir.appendingPathComponent("data.zip")), before)
    }

    func testNoWriteThroughASymlinkOutsideTheTopLevelFolder() throws {
        try python("import zipfile\nwith zipfile.ZipFile('d.zip', 'w') as z: z.writestr('d/x.txt', 'x')")
        let outside = dir.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: dir.appendingPathComponent("d"), withDestinationURL: outside)
        assertRefused(try contrib(["-z", "d.zip"]), "is a symbolic link")
        XCTAssertFalse(FileManager.default.fileExists(atPath: outside.appendingPathComponent("x.txt").path))
    }

    func testCompressionRatioAndSizeLimits() throws {
        // 200 MiB of zeros in about 200 KB: 1,000:1.
        try python("import zipfile\nwith zipfile.ZipFile('bomb.zip', 'w', zipfile.ZIP_DEFLATED) as z: z.writestr('d/zeros', bytes(200 << 20))")
        assertRefused(try contrib(["-z", "bomb.zip"]), "more than the limit of 100:1")
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("d").path), "nothing written")
        assertRefused(try contrib(["-z", "bomb.zip", "--max-ratio", "2000", "--max-bytes", "1000000"]), "would extract 209715200 bytes, more than the limit of 1000000")
        // Raised limits let it through, and the output is exactly the declared size.
        let ok = try contrib(["-z", "bomb.zip", "--max-ratio", "2000"])
        XCTAssertEqual(ok.status, 0, ok.stderr)
        let size = try FileManager.default.attributesOfItem(atPath: dir.appendingPathComponent("d/zeros").path)[.size] as? Int
        XCTAssertEqual(size, 200 << 20)
    }

    func testOverlappingEntriesAreRefused() throws {
        // 20 central-directory entries sharing one local entry: 20 × 50 MiB from 50 KB.
        try python("""
            import struct, zlib
            data = bytes(50 << 20); comp = zlib.compress(data, 9)[2:-4]; crc = zlib.crc32(data)
            name = b'o/x0'
            local = struct.pack('<IHHHHHIIIHH', 0x04034b50, 20, 0, 8, 0, 0, crc, len(comp), len(data), len(name), 0) + name + comp
            cd = b''
            for i in range(20):
                n = ('o/x%d' % i).encode()
                cd += struct.pack('<IHHHHHHIIIHHHHHII', 0x02014b50, 20, 20, 0, 8, 0, 0, crc, len(comp), len(data), len(n), 0, 0, 0, 0, 0, 0) + n
            eocd = struct.pack('<IHHHHIIH', 0x06054b50, 0, 0, 20, 20, len(cd), len(local), 0)
            open('overlap.zip', 'wb').write(local + cd + eocd)
            """)
        assertRefused(try contrib(["-z", "overlap.zip", "--max-ratio", "100000"]), "has overlapping entries")
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("o").path), "nothing written")
    }

    func testFreeSpaceIsCheckedFirst() throws {
        // 2,000 one-byte stored entries each claiming 4 GB: 8 TB, more than this disk holds.
        try python("""
            import struct
            body = b''; cd = b''
            for i in range(2000):
                n = ('s/f%d' % i).encode(); off = len(body)
                body += struct.pack('<IHHHHHIIIHH', 0x04034b50, 20, 0, 0, 0, 0, 0, 1, 4000000000, len(n), 0) + n + b'x'
                cd += struct.pack('<IHHHHHHIIIHHHHHII', 0x02014b50, 20, 20, 0, 0, 0, 0, 0, 1, 4000000000, len(n), 0, 0, 0, 0, 0, off) + n
            open('huge.zip', 'wb').write(body + cd + struct.pack('<IHHHHIIH', 0x06054b50, 0, 0, 2000, 2000, len(cd), len(body), 0))
            """)
        assertRefused(try contrib(["-z", "huge.zip", "--max-ratio", "\(Int.max)", "--max-bytes", "\(Int.max)"]), "are free in .")
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("s").path), "nothing written")
    }

    func testAnEntryLargerThanItsHeaderSaysIsCutOff() throws {
        // The header claims 10 bytes; the stream holds 1 MiB. Output stops at the claim.
        try python("""
            import zipfile
            with zipfile.ZipFile('liar.zip', 'w', zipfile.ZIP_DEFLATED) as z: z.writestr('l/f', bytes(1 << 20))
            b = bytearray(open('liar.zip', 'rb').read())
            for sig in (b'PK\\x03\\x04', b'PK\\x01\\x02'):
                i = b.find(sig)
                off = 22 if sig == b'PK\\x03\\x04' else 24
                b[i + off:i + off + 4] = (10).to_bytes(4, 'little')
            open('liar.zip', 'wb').write(bytes(b))
            """)
        assertRefused(try contrib(["-z", "liar.zip"]), "expands past the 10 bytes its header says")
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("l/f").path), "no half file left")
    }
}
