import BlueprintKit
import DevInstances
import Foundation
import XCTest

/// Offline parts: COMMAND filling, submit files, the state file and its Python predecessor.
final class DevUnitTests: XCTestCase {
    func located(_ command: String) throws -> (Located<String>, SourceFile) {
        let json = "{\"COMMAND\": \(String(decoding: try JSONSerialization.data(withJSONObject: [command]), as: UTF8.self).dropFirst().dropLast())}"
        let doc = try Document.parse(path: "bp.json", bytes: Array(json.utf8)).get()
        let node = try XCTUnwrap(doc.root["COMMAND"])
        return (Located(command, node: node, pointer: "/COMMAND"), doc.source)
    }

    let values = ["bucket", "g/inputs/d.zip", "results/job__bucket_1", "g/configs/c.yaml"]

    func fill(_ command: String) throws -> String {
        let (c, src) = try located(command)
        return try CommandTemplate.fill(c, source: src, values: values)
    }

    func testFillsLikePythonFormat() throws {
        XCTAssertEqual(try fill("run \"{}\" \"{}\" \"{}\" \"{}\""), "run \"bucket\" \"g/inputs/d.zip\" \"results/job__bucket_1\" \"g/configs/c.yaml\"")
        XCTAssertEqual(try fill("a {3} {0} {1} {2} {0}"), "a g/configs/c.yaml bucket g/inputs/d.zip results/job__bucket_1 bucket")
        XCTAssertEqual(try fill("awk '{{print $1}}' {} {} {} {!s}"), "awk '{print $1}' bucket g/inputs/d.zip results/job__bucket_1 g/configs/c.yaml")
    }

    func testRefusesWhatTheJobManagerCannotFormat() throws {
        for (command, expected) in [("x {} {} {}", "COMMAND has 3 placeholders; the job manager fills 4"),
                                    ("x {} {} {} {} {}", "COMMAND has 5 placeholders"),
                                    ("x {} {} {} {write analysis_script_here}", "named field {write analysis_script_here}"),
                                    ("x ${HOME} {} {} {} {}", "named field {HOME}"),
                                    ("x {} {} {} {", "Single '{' encountered in format string"),
                                    ("no placeholders", "COMMAND has 0 placeholders")] {
            XCTAssertThrowsError(try fill(command), command) { e in
                let d = e as? DevError
                XCTAssertEqual(d?.exitCode, 1)
                XCTAssertTrue(d?.message.contains(expected) ?? false, "\(command): \(d?.message ?? "\(e)")")
                XCTAssertEqual(d?.location, "bp.json:1:13")
            }
        }
    }

    func testSubmitFileFields() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bpctl-submit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        func load(_ text: String) throws -> SubmitFile {
            let p = dir.appendingPathComponent("submit.json")
            try Data(text.utf8).write(to: p)
            return try SubmitFile.load(p.path)
        }
        let ok = try load(#"{"dataname": ["lab/inputs/a.bin"], "configname": "lab/configs/c.json", "timestamp": "ts"}"#)
        XCTAssertEqual(ok.dataname, "lab/inputs/a.bin")
        XCTAssertEqual(ok.group, "lab")
        for (text, expected) in [(#"{"configname": "c", "timestamp": 1}"#, "no \"dataname\""),
                                 (#"{"dataname": 3, "configname": "c", "timestamp": 1}"#, "\"dataname\" must be a string"),
                                 (#"{"dataname": "d", "configname": "c", "timestamp": null}"#, "\"timestamp\" must be a string or a number"),
                                 (#"{"dataname": "/abs", "configname": "c", "timestamp": 1}"#, "must be a key inside the analysis bucket"),
                                 ("[]", "must be a JSON object")] {
            XCTAssertThrowsError(try load(text)) { e in
                XCTAssertEqual((e as? DevError)?.exitCode, 2)
                XCTAssertTrue((e as? DevError)?.message.contains(expected) ?? false, "\(text): \(e)")
            }
        }
    }

    func testStateFileRoundTripAndCorruption() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bpctl-state-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = DevStateStore(blueprintDirectory: dir.path)
        XCTAssertEqual(try store.load(), DevState(), "no file: empty state")
        var s = DevState()
        s.instances = [.init(id: "i-1", name: "a", description: nil, origin: "launched", added: Date(timeIntervalSince1970: 1_700_000_000))]
        s.selected = "i-1"
        try store.save(s)
        XCTAssertEqual(try store.load(), s)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent(".bpctl").path)
        XCTAssertEqual(leftovers, ["dev.json"], "no temp file left behind")
        try Data("{\"format_version\": 1, \"instances\": [{\"id\": 3}]".utf8).write(to: URL(fileURLWithPath: store.path))
        XCTAssertThrowsError(try store.load()) { e in
            XCTAssertEqual((e as? DevError)?.exitCode, 2)
            XCTAssertEqual((e as? DevError)?.location, store.path)
        }
    }

    func testImportsThePythonToolsDevelopDict() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bpctl-legacy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let legacy = """
        {"config_filepath": "stack_config_template.json", "instance_id": "i-b",
         "instance_pool": {"i-a": {"name": "first", "description": "d"}, "i-b": {"name": null, "description": null}},
         "instance_hist": ["i-a", "i-b"], "commands": [], "ami_hist": [{"ImageId": "ami-1"}, {"ImageId": "ami-2"}], "instance_saved": true}
        """
        try Data(legacy.utf8).write(to: dir.appendingPathComponent("develop_dict.json"))
        let s = try DevStateStore(blueprintDirectory: dir.path).load()
        XCTAssertEqual(s.selected, "i-b")
        XCTAssertEqual(s.instances.map(\.id), ["i-a", "i-b"])
        XCTAssertEqual(s.member("i-a")?.name, "first")
        XCTAssertEqual(s.member("i-b")?.amis, ["ami-2"], "the global saved flag counts for the selected instance only")
        XCTAssertEqual(s.member("i-a")?.amis, [])
    }

    func testLifetimeSentences() {
        XCTAssertEqual(Lifetime(on: 125, timeoutMinutes: 60, left: 3475).sentence,
                       "Instance has been on for 2 minutes and 5 seconds. Will be stopped in 57 minutes and 55 seconds with the current timeout.")
        XCTAssertTrue(Lifetime(on: 3700, timeoutMinutes: 60, left: -100).sentence.contains("passed 1 minutes and 40 seconds ago"))
        XCTAssertEqual(Lifetime(on: 3700, timeoutMinutes: 60, left: -100).leftText, "overdue 1m40s")
    }
}
