import AnalysisKit
import AWSClient
import Foundation
import TestSupport
import XCTest

/// The PNG step chart, read back by python3's own zlib, struct and binascii (not by our encoder).
final class ParallelismPNGTests: XCTestCase {
    let t0 = Date(timeIntervalSince1970: 1_700_000_000)

    /// Group "a": one instance for the first hour (peak 1). Group "b": two overlapping instances
    /// from 0:30 to 2:00 (peak 2). Over 2 h the chart maps x = 50 + 600·t/7200 s and
    /// y(n) = 360 − 160·n, so a's level 1 runs along y = 200 from x = 50 to 350, b's level 2
    /// along y = 40 from x = 350 to 500, and the x axis is bare at y = 360 from x = 200 to 350.
    var records: [InstanceRecord] {
        [InstanceRecord(group: "a", instanceID: "i-0a", price: 1, jobPath: nil, start: t0, end: t0.addingTimeInterval(3600)),
         InstanceRecord(group: "b", instanceID: "i-0b1", price: 1, jobPath: nil, start: t0.addingTimeInterval(1800), end: t0.addingTimeInterval(7200)),
         InstanceRecord(group: "b", instanceID: "i-0b2", price: 1, jobPath: nil, start: t0.addingTimeInterval(3600), end: t0.addingTimeInterval(5400))]
    }

    struct Decoded: Decodable {
        let signature: Bool
        let chunks: [String]
        let badCRC: [String]
        let width: Int, height: Int, depth: Int, colourType: Int
        let rawLength: Int
        let filters: [Int]
        let pixels: [String: String]
    }

    /// Decodes `png` with python3 and returns the colour ("#rrggbb") of each (x, y) asked for.
    func decode(_ png: [UInt8], at points: [(Int, Int)]) throws -> Decoded {
        let dir = try tempDir()
        let file = dir.appendingPathComponent("chart.png")
        try Data(png).write(to: file)
        let script = """
            import binascii, json, struct, sys, zlib
            b = open(sys.argv[1], 'rb').read()
            out = {'signature': b[:8] == b'\\x89PNG\\r\\n\\x1a\\n', 'chunks': [], 'badCRC': []}
            i, idat, plte = 8, b'', b''
            while i < len(b):
                n, t = struct.unpack('>I4s', b[i:i + 8]); t = t.decode('ascii')
                data = b[i + 8:i + 8 + n]
                (crc,) = struct.unpack('>I', b[i + 8 + n:i + 12 + n])
                if binascii.crc32(t.encode('ascii') + data) & 0xffffffff != crc: out['badCRC'].append(t)
                out['chunks'].append(t)
                if t == 'IHDR': w, h, out['depth'], out['colourType'] = struct.unpack('>IIBB', data[:10])
                if t == 'PLTE': plte = data
                if t == 'IDAT': idat += data
                i += 12 + n
            raw = zlib.decompress(idat)
            out.update(width=w, height=h, rawLength=len(raw), filters=sorted({raw[y * (w + 1)] for y in range(h)}))
            px = {}
            for a in sys.argv[2:]:
                x, y = map(int, a.split(','))
                k = raw[y * (w + 1) + 1 + x]
                px[a] = '#%02x%02x%02x' % tuple(plte[3 * k:3 * k + 3])
            out['pixels'] = px
            print(json.dumps(out))
            """
        let r = try runProcess(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", script, file.path] + points.map { "\($0.0),\($0.1)" })
        XCTAssertEqual(r.status, 0, r.stderr)
        return try JSONDecoder().decode(Decoded.self, from: Data(r.stdout.utf8))
    }

    func testPNGDecodesWithPythonZlib() throws {
        let png = ParallelismChart.png(Parallelism(records: records, now: t0.addingTimeInterval(7200)))
        let white = "#ffffff", black = "#000000", a = "#1f77b4", b = "#ff7f0e"
        let expected: [(Int, Int, String)] = [
            (0, 0, white), (799, 399, white),            // corners
            (120, 200, a), (120, 199, a), (120, 201, white),  // a's level 1, 2 px thick
            (420, 40, b), (420, 39, b), (420, 41, white),     // b's level 2
            (275, 360, black), (275, 359, white),         // the bare x axis
            (50, 100, black), (51, 100, white),           // the y axis above every line
            (665, 50, a), (665, 68, b),                   // legend swatches
        ]
        let d = try decode(png, at: expected.map { ($0.0, $0.1) })
        XCTAssertTrue(d.signature)
        XCTAssertEqual(d.chunks, ["IHDR", "PLTE", "IDAT", "IEND"])
        XCTAssertEqual(d.badCRC, [])
        XCTAssertEqual([d.width, d.height, d.depth, d.colourType], [800, 400, 8, 3])
        XCTAssertEqual(d.rawLength, 400 * (1 + 800))
        XCTAssertEqual(d.filters, [0])
        for (x, y, colour) in expected {
            XCTAssertEqual(d.pixels["\(x),\(y)"], colour, "pixel (\(x), \(y))")
        }
    }

    /// An empty chart (no records) is still a valid image: just the axes.
    func testEmptyChartIsValid() throws {
        let d = try decode(ParallelismChart.png(Parallelism(records: [], now: t0)), at: [(50, 100), (400, 200)])
        XCTAssertEqual(d.badCRC, [])
        XCTAssertEqual(d.rawLength, 400 * 801)
        XCTAssertEqual(d.pixels, ["50,100": "#000000", "400,200": "#ffffff"])
    }

    func testCLIWritesPNGAndRefusesOtherExtensions() async throws {
        let root = try tempDir()
        let gif = try Harness.run("bpctl", ["monitor", "parallelism", "--bucket", "nobucket", "--out", root.appendingPathComponent("x.gif").path])
        XCTAssertEqual(gif.status, 2, gif.all)
        XCTAssertTrue(gif.stderr.contains(".svg") && gif.stderr.contains(".png"), gif.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("x.gif").path))

        let server = try LocalServer.moto()
        defer { server.stop() }
        let bucket = "pngpipe-" + UUID().uuidString.prefix(8).lowercased()
        let s3 = S3(Harness.client(server))
        try await s3.createBucket(bucket)
        for r in records { try await s3.putObject(bucket: bucket, key: "logs/\(r.group)/\(r.instanceID).json", body: r.json()) }
        let out = root.appendingPathComponent("x.png")
        let run = try Harness.run("bpctl", ["monitor", "parallelism", "--bucket", bucket, "--out", out.path], cwd: root, env: Harness.motoEnv(server))
        XCTAssertEqual(run.status, 0, run.all)
        XCTAssertTrue(run.stdout.contains("wrote \(out.path)"), run.stdout)
        let bytes = try [UInt8](Data(contentsOf: out))
        XCTAssertEqual(Array(bytes.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        let d = try decode(bytes, at: [(120, 200)])
        XCTAssertEqual(d.badCRC, [])
        XCTAssertEqual(d.pixels["120,200"], "#1f77b4", "group a's line, as in the library test")
    }
}
