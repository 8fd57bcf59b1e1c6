import Foundation
@testable import WorkflowCore
import XCTest

/// The state-file reader must read what JSONSerialization reads (and refuse what it refuses).
final class StateJSONTests: XCTestCase {
    private func canonical(_ v: Any?) -> String {
        switch v {
        case let d as [String: Any]: return "{" + d.keys.sorted().map { "\($0)=\(canonical(d[$0]))" }.joined(separator: ",") + "}"
        case let a as [Any]: return "[" + a.map(canonical).joined(separator: ",") + "]"
        case let s as String: return "s:" + s
        case let n as NSNumber: return "n:\(n.doubleValue)"
        case is NSNull: return "null"
        case nil: return "nil"
        default: return "other"
        }
    }

    /// The same form for the typed reader: members sorted by key, the last of duplicates kept.
    private func canonical(_ v: StateJSON.Value?) -> String {
        switch v {
        case .object(let members)?:
            let keys = Set(members.map(\.key)).sorted()
            return "{" + keys.map { "\($0)=\(canonical(v?[$0]))" }.joined(separator: ",") + "}"
        case .array(let items)?: return "[" + items.map { canonical($0) }.joined(separator: ",") + "]"
        case .string(let s)?: return "s:" + s
        case .number(let d)?: return "n:\(d)"
        case .bool(let b)?: return "n:\(b ? 1.0 : 0.0)"
        case .null?: return "null"
        case nil: return "nil"
        }
    }

    func testAgreesWithJSONSerialization() {
        let documents = [
            #"{"path": "/home/ubuntu/job"}"#,
            #"{"data": {"s3": "s3://b/k", "local": "/tmp/\u00e9\ud83d\ude00 x"}, "config": {}, "additional_files": {"a": {"localsource": "x\/y\n\t\"q\"\\"}}, "resultpath": {}}"#,
            #" { "a" : [ 1, -2.5e3, true, false, null, "", [], {} ] } "#,
            #"{"nested": {"deeper": {"deepest": ["x"]}}}"#, #"{"a": 1,}"#, #"{"a": [1, ],}"#,
            // Duplicate keys: the last wins, as in JSONSerialization's dictionary.
            #"{"path": "/first", "path": "/second"}"#, #"{"data": {"local": "a"}, "data": {"s3": "s3://b/k"}}"#,
            // Refused by both.
            "", "{", "[1]", #"{,}"#, #"{"a": [,]}"#, #"{"a": 1,,}"#, #"{"a" 1}"#, #"{"a": 01}"#, #"{"a": "\x"}"#, #"{"a": "\ud83d"}"#, "{\"a\": \"tab\there\"}",
            #"{"a": 1} x"#, #"{"a": tru}"#, #"{"a": .5}"#, #"{"a": 1.}"#,
        ]
        for doc in documents {
            let theirs = (try? JSONSerialization.jsonObject(with: Data(doc.utf8))) as? [String: Any]
            let ours = StateJSON.object(Array(doc.utf8))
            XCTAssertEqual(canonical(ours), canonical(theirs), doc)
        }
        XCTAssertEqual(StateJSON.object(Array(#"{"path": "/a/\u00e9"}"#.utf8))?["path"]?.string, "/a/é")
        XCTAssertEqual(StateJSON.object(Array(#"{"path": "/first", "path": "/second"}"#.utf8))?["path"]?.string, "/second")
    }
}
