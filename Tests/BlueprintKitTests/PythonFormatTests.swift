import Foundation
import XCTest
@testable import BlueprintKit

final class PythonFormatTests: XCTestCase {
    /// Templates that exercise every branch of CPython's format-string reader.
    static let templates: [String] = [
        "", "plain text", "{}", "{} {} {} {}", "\"{}\" \"{}\" \"{}\" \"{}\"", "{{}}", "{{{}}}", "{{ {} }}",
        "{0} {1} {2} {3}", "{1} {0}", "{0} {0}", "{3}", "{} {1}", "{0} {}", "{name}", "{write analysis_script_here}",
        "}", "{", "a } b", "a { b", "{}}", "{{}", "{} }", "x {", "{!r}", "{!x}", "{!}", "{!r:>5}", "{!rx}",
        "{:>10}", "{:d}", "{:s}", "{:{}}", "{:{}} {}", "{:{}{}}", "{0:{1}}", "{:{:{}}}", "{[}", "{0[0]}", "{.upper}",
        "{0.}", "{a.b}", "{0[]}", "{0[0]x}", "{a{b}", "{:+}", "{:#}", "{:=5}", "{:,}", "{:.}", "{:.3}", "{:x<5}", "{:<<5}", "{:05}", "{:ss}", "{0!s:^{1}}", "awk '{print $1}'", "awk '{{print $1}}'", "{ }", "{00}", "{-1}", "{١}",
        "cd /home/ubuntu; neurocaas_contrib/run_main_cli.sh \"{}\" \"{}\" \"{}\" \"{}\" \"x/run.sh\"; . neurocaas_contrib/ncap_utils/workflow.sh; cleanup",
        "/home/ubuntu/bin/run.sh {} {} {} {} {} {} {} {}", "é {} ü {}",
    ]

    /// Differential test: our analysis must agree with the real CPython on every template.
    func testAgreesWithCPython() throws {
        let script = """
        import json, sys
        used = set()
        class S(str):
            def __new__(cls, i):
                o = str.__new__(cls, "v%d" % i); o.i = i; return o
            def __format__(self, spec):
                used.add(self.i); return str.__format__(self, spec)
            def __repr__(self):
                used.add(self.i); return str.__repr__(self)
            def __str__(self):
                used.add(self.i); return str.__str__(self)
        out = []
        for t in json.load(sys.stdin):
            used.clear()
            r = {}
            try:
                t.format(*[S(i) for i in range(20)])
                r["used"] = sorted(used)
            except Exception as e:
                r["error"] = type(e).__name__; r["message"] = str(e).replace("type 'S'", "type 'str'")
            try:
                t.format("a", "b", "c", "d"); r["four"] = "ok"
            except Exception as e:
                r["four"] = type(e).__name__
            out.append(r)
        print(json.dumps(out))
        """
        let input = try JSONSerialization.data(withJSONObject: Self.templates)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script]
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        do { try process.run() } catch { throw XCTSkip("python3 is not available: \(error)") }
        stdin.fileHandleForWriting.write(input)
        try stdin.fileHandleForWriting.close()
        let data = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let results = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        XCTAssertEqual(results.count, Self.templates.count)
        for (template, python) in zip(Self.templates, results) {
            let ours = PythonFormat.analyze(template)
            let accessor = ours.fields.contains { $0.accessor != nil }
            switch python["error"] as? String {
            case "ValueError"? where ours.failure?.message.hasPrefix("Invalid format specifier (a value") == true:
                // A nested field's value became the spec; we cannot know the value, only that it fails.
                let message = python["message"] as? String ?? ""
                XCTAssertTrue(message.hasPrefix("Invalid format specifier") || message.hasPrefix("Unknown format code"), "template \(template): \(message)")
            case "ValueError"?:
                XCTAssertEqual(ours.failure?.message, python["message"] as? String, "template \(template)")
            case "KeyError"?:
                XCTAssertFalse(ours.namedFields.isEmpty, "template \(template): Python raised KeyError")
            case nil:
                XCTAssertNil(ours.failure, "template \(template)")
                XCTAssertTrue(ours.namedFields.isEmpty, "template \(template)")
                if !accessor {
                    XCTAssertEqual(ours.positionalIndexes.sorted(), python["used"] as? [Int], "template \(template)")
                }
            case let other?:
                // AttributeError / TypeError / IndexError come from accessors on str values.
                XCTAssertTrue(accessor || ours.failure != nil, "template \(template): Python raised \(other)")
            }
            // With the 4 values handler_develop passes: IndexError exactly when we need more than 4.
            if ours.failure == nil, ours.namedFields.isEmpty, !accessor {
                XCTAssertEqual(python["four"] as? String == "IndexError", ours.requiredPositionalCount > 4, "template \(template)")
            }
        }
    }

    func testFieldOffsetsPointAtBraces() {
        let a = PythonFormat.analyze("ab {} {{x}} {name}")
        XCTAssertEqual(a.fields.map(\.offset), [3, 12])
        XCTAssertEqual(a.fields.map(\.length), [2, 6])
        XCTAssertEqual(a.fields[1].reference, .name("name"))
    }
}
