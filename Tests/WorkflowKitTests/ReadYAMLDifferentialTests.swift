import Foundation
import XCTest
@testable import WorkflowCore
import WorkflowKit

/// read-yaml against the real python3 + PyYAML running the Python tool's `get_yaml_field`:
/// every top-level field of every config prints the same, and a config PyYAML refuses is
/// refused here too.
final class ReadYAMLDifferentialTests: XCTestCase {
    /// The Python tool's reader and printer (neurocaas_contrib `get_yaml_field`), over a JSON list
    /// of configs on stdin; for each: the printed value of every string key, or the error.
    static let reference = """
    import json, sys, yaml
    def get_yaml_field(d, field):
        out = d[field]
        if type(out) is dict:
            return json.dumps(out)
        elif type(out) is list:
            return "".join(f"{o} " for o in out)
        return str(out)
    results = []
    for text in json.load(sys.stdin):
        try:
            d = yaml.full_load(text)
            fields = {}
            for k in (d.keys() if type(d) is dict else ["a"]):
                if type(k) is not str:
                    continue
                try:
                    fields[k] = {"out": get_yaml_field(d, k)}
                except Exception as e:
                    fields[k] = {"error": type(e).__name__ + ": " + str(e)}
            results.append({"fields": fields, "mapping": type(d) is dict})
        except Exception as e:
            results.append({"error": type(e).__name__ + ": " + str(e)})
    print(json.dumps(results))
    """

    func testAgreesWithPyYAMLAndTheToolsPrinting() throws {
        let configs = ReadYAMLCorpus.configs
        XCTAssertGreaterThanOrEqual(configs.count, 50)
        let results = try runReference(configs)
        XCTAssertEqual(results.count, configs.count)
        var compared = 0
        for (config, result) in zip(configs, results) {
            let label = "config \(String(reflecting: config))"
            if let error = result["error"] as? String {
                XCTAssertThrowsError(try ReadYAML.value(yaml: config, field: "a", default: "D"), "\(label): PyYAML raised \(error)")
                continue
            }
            let fields = result["fields"] as? [String: [String: String]] ?? [:]
            if result["mapping"] as? Bool != true {
                XCTAssertThrowsError(try ReadYAML.value(yaml: config, field: "a", default: "D"), "\(label): not a mapping in Python")
                continue
            }
            for (field, expected) in fields {
                compared += 1
                if let out = expected["out"] {
                    XCTAssertEqual(try ReadYAML.value(yaml: config, field: field, default: nil), out, "\(label) field \(field)")
                } else {
                    XCTAssertThrowsError(try ReadYAML.value(yaml: config, field: field, default: nil),
                                         "\(label) field \(field): Python raised \(expected["error"] ?? "")")
                }
            }
            // A missing field prints the default, as the Python tool does.
            XCTAssertEqual(try ReadYAML.value(yaml: config, field: "no such field", default: "D"), "D", label)
        }
        XCTAssertGreaterThan(compared, 140)
    }

    private func runReference(_ configs: [String]) throws -> [[String: Any]] {
        let input = try JSONSerialization.data(withJSONObject: configs)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", Self.reference]
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(input)
        try stdin.fileHandleForWriting.close()
        let data = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        // Not a skip: CI installs PyYAML (.ci/run), and a silent skip would hide a divergence.
        guard process.terminationStatus == 0 else {
            XCTFail("python3 with PyYAML is required (pip install pyyaml): \(String(decoding: err, as: UTF8.self))")
            return []
        }
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
    }
}
