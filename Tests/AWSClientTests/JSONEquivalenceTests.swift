import Foundation
import XCTest
@testable import AWSClient
import TestSupport

/// JSONReader/JSONWriter replace JSONSerialization in AWSClient: replies must read the same
/// through the casts the services make, request bodies must be the same bytes. Compared on
/// generated values and on real moto replies and request bodies.
final class JSONEquivalenceTests: XCTestCase {
    // MARK: reading

    func testGeneratedDocumentsReadAsJSONSerializationReadThem() throws {
        var rng = SeededGenerator(seed: 13)
        for n in 0..<3000 {
            let text = JSONText.document(&rng)
            let bytes = Array(text.utf8)
            let theirs = try JSONSerialization.jsonObject(with: Data(bytes))
            let ours = try JSONReader.value(bytes)
            assertSameReading(theirs, ours, "document \(n): \(text)")
        }
    }

    /// Damaged documents: both readers refuse them, or both read the same object.
    func testDamagedDocumentsAreRefusedAlike() throws {
        var rng = SeededGenerator(seed: 7)
        let damage: [UInt8] = Array("{}[],:\"\\ 0-e.tn".utf8) + [0x01, 0xFF]
        var refused = 0
        for n in 0..<3000 {
            var bytes = Array(JSONText.document(&rng).utf8)
            let at = Int.random(in: 0..<bytes.count, using: &rng)
            switch Int.random(in: 0..<3, using: &rng) {
            case 0: bytes.removeSubrange(at...)
            case 1: bytes.remove(at: at)
            default: bytes.insert(damage.randomElement(using: &rng)!, at: at)
            }
            let theirs = (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any]
            let ours = JSONReader.object(bytes)
            XCTAssertEqual(theirs == nil, ours == nil, "damaged document \(n): \(String(decoding: bytes, as: UTF8.self))")
            if let theirs, let ours { assertSameReading(theirs, ours, "damaged document \(n)") }
            if ours == nil { refused += 1 }
        }
        XCTAssertGreaterThan(refused, 1000, "the damage must break most documents")
    }

    /// The numbers the services read with `as? Int` (Lambda Timeout, SSM ResponseCode), as
    /// NSNumber bridged them.
    func testNumbersBridgeAsNSNumberDid() throws {
        let text = #"{"i":3,"d":3.0,"e":3.5,"x":1e2,"t":true,"f":false,"n":null,"neg":-7,"big":1e300,"z":-0,"s":"5"}"#
        let theirs = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let ours = try XCTUnwrap(JSONReader.object(Array(text.utf8)))
        for key in theirs.keys.sorted() {
            XCTAssertEqual(JSONNumber.int(ours[key]), theirs[key] as? Int, key)
        }
        XCTAssertEqual(JSONNumber.int(ours["d"]), 3)
        XCTAssertNil(JSONNumber.int(ours["e"]))
        XCTAssertTrue(ours["n"] is JSONNull)
    }

    // MARK: writing

    func testGeneratedBodiesWriteAsJSONSerializationWroteThem() throws {
        var rng = SeededGenerator(seed: 42)
        for n in 0..<3000 {
            let body = JSONText.body(&rng, depth: 0)
            let theirs = try JSONSerialization.data(withJSONObject: body, options: [.sortedKeys])
            let ours = try JSONWriter.bytes(body)
            XCTAssertEqual(String(decoding: ours, as: UTF8.self), String(decoding: theirs, as: UTF8.self), "body \(n)")
        }
    }

    /// Keys as AWS request bodies have them: API member names and Lambda environment variable
    /// names (`[A-Za-z][A-Za-z0-9_]*`), with near-collisions in case, digits and underscores.
    func testKeyOrderIsSortedKeysOrder() throws {
        var rng = SeededGenerator(seed: 99)
        let alphabet = Array("aAbBzZ0019_")
        for n in 0..<1500 {
            var object: [String: Any] = [:]
            for _ in 0..<Int.random(in: 2...14, using: &rng) {
                let first = "aAbBzZ".randomElement(using: &rng)!
                let rest = (0..<Int.random(in: 0...5, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }
                object[String(first) + String(rest)] = 0
            }
            let theirs = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            XCTAssertEqual(String(decoding: try JSONWriter.bytes(object), as: UTF8.self), String(decoding: theirs, as: UTF8.self), "keys \(n)")
        }
        let real: [String: Any] = Dictionary(uniqueKeysWithValues: [
            "AMI", "INSTANCE_TYPE", "COMMAND", "MAXCOST", "Ami", "ami", "VAR10", "VAR9", "VAR_1", "VAR1", "PipelineName",
            "DocumentName", "InstanceIds", "Parameters", "OutputS3BucketName", "OutputS3KeyPrefix", "commands",
            "workingDirectory", "executionTimeout", "ServiceCode", "FormatVersion", "MaxResults", "Filters", "RevisionId",
        ].map { ($0, 0) })
        XCTAssertEqual(try JSONWriter.bytes(real), Array(try JSONSerialization.data(withJSONObject: real, options: [.sortedKeys])))
    }

    // MARK: moto

    /// Every JSON reply moto sends for the JSON-protocol calls AWSClient makes (successes and
    /// error documents) reads the same both ways, and every JSON request body is the bytes
    /// JSONSerialization would have written for it.
    func testMotoRepliesAndRequestBodies() async throws {
        guard let moto = try? LocalServer.moto() else { throw try motoMissing() }
        let recorder = RecordingTransport()
        let c = AWSClient(environment: testEnvironment(endpoint: moto.endpoint), region: "us-east-1", transport: recorder,
                          retry: RetryPolicy(maxAttempts: 1))
        let suffix = UUID().uuidString.prefix(8).lowercased()
        _ = try await c.query(.iam, action: "CreateRole", version: "2010-05-08",
                              [("RoleName", "json-\(suffix)"), ("AssumeRolePolicyDocument", #"{"Version":"2012-10-17","Statement":[]}"#)])
        let zip = Data([0x50, 0x4B, 0x05, 0x06] + [UInt8](repeating: 0, count: 18)).base64EncodedString()
        _ = try await c.restJSON(.lambda, method: "POST", path: "/2015-03-31/functions", [
            "FunctionName": "json-\(suffix)", "Runtime": "python3.12", "Role": "arn:aws:iam::123456789012:role/json-\(suffix)",
            "Handler": "submit_start.handler_develop", "Code": ["ZipFile": zip], "Timeout": 180,
            "Environment": ["Variables": ["AMI": "ami-0123456789abcdef0", "COMMAND": "cd /home/ubuntu && ./run.sh \"$1\" é", "VAR10": "1", "VAR9": "2"]],
        ])
        let lambda = Lambda(c)
        let before = try await lambda.getFunctionConfiguration("json-\(suffix)")
        XCTAssertEqual(before.timeout, 180)
        _ = try await lambda.updateFunctionConfiguration("json-\(suffix)", environment: ["AMI": "ami-0fedcba9876543210"], timeout: 900)
        do { _ = try await lambda.getFunctionConfiguration("json-missing-\(suffix)"); XCTFail("no such function") } catch AWSError.service(let e) {
            XCTAssertEqual(e.code, "ResourceNotFoundException")
        }
        let ssm = SSM(c)
        try await ssm.putParameter("/neurocaas/budgets/json-\(suffix)/p", value: "{\"a\": [1, 2.5, null]}")
        let value = try await ssm.getParameter("/neurocaas/budgets/json-\(suffix)/p")
        XCTAssertEqual(value, "{\"a\": [1, 2.5, null]}")
        let missing = try await ssm.getParameter("/neurocaas/none-\(suffix)")
        XCTAssertNil(missing)
        let images = try await EC2(c).describeImages(owners: ["amazon"])
        let ids = try await EC2(c).runInstances(imageID: try XCTUnwrap(images.first?.id), type: "t2.micro")
        let command = try await ssm.sendCommand(instanceIDs: ids, commands: ["echo a/b"], workingDirectory: "/home/ubuntu",
                                                timeoutSeconds: 600, outputBucket: "b", outputPrefix: "logs/")
        _ = try await ssm.getCommandInvocation(commandID: command, instanceID: ids[0])
        let record = try await ssm.listCommand(command)
        XCTAssertEqual(record?.parameters["commands"], ["echo a/b"])

        let exchanges = recorder.exchanges
        var replies = 0, bodies = 0
        for (request, response) in exchanges {
            if request.header("content-type")?.contains("json") == true, !request.body.isEmpty {
                let object = try JSONSerialization.jsonObject(with: Data(request.body))
                let again = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
                XCTAssertEqual(String(decoding: request.body, as: UTF8.self), String(decoding: again, as: UTF8.self))
                bodies += 1
            }
            guard response.body.first == UInt8(ascii: "{") else { continue }
            let theirs = try JSONSerialization.jsonObject(with: Data(response.body))
            assertSameReading(theirs, try JSONReader.value(response.body), response.text)
            replies += 1
        }
        XCTAssertGreaterThanOrEqual(bodies, 8)
        XCTAssertGreaterThanOrEqual(replies, 8)
    }

    /// Replies as AWS documents them where moto has no such call (Pricing's PriceList of JSON
    /// strings) or sends something else (an IMDS credential document, JSON 1.1 errors).
    func testAWSReplySamples() throws {
        let samples = [
            #"{"FormatVersion":"aws_v1","NextToken":"abc/def==","PriceList":["{\"product\":{\"productFamily\":\"Compute Instance\",\"attributes\":{\"instanceType\":\"p3.2xlarge\",\"vcpu\":\"8\"},\"sku\":\"2DMZYGN6FKA8D6TQ\"},\"serviceCode\":\"AmazonEC2\",\"terms\":{\"OnDemand\":{\"2DMZ.JRTC\":{\"priceDimensions\":{\"2DMZ.JRTC.6YS6\":{\"unit\":\"Hrs\",\"endRange\":\"Inf\",\"pricePerUnit\":{\"USD\":\"3.0600000000\"},\"appliesTo\":[],\"beginRange\":\"0\"}},\"effectiveDate\":\"2024-05-01T00:00:00Z\"}}},\"version\":\"20240501\",\"publicationDate\":\"2024-05-01T19:22:09Z\"}"]}"#,
            #"{"Code":"Success","LastUpdated":"2024-05-01T12:00:00Z","Type":"AWS-HMAC","AccessKeyId":"ASIAEXAMPLE","SecretAccessKey":"wJalr\/K7MDENG","Token":"IQoJb3JpZ2luX2VjE\u002b\/\/\/","Expiration":"2024-05-01T18:00:00Z"}"#,
            #"{"__type":"com.amazon.coral.validate#ValidationException","message":"1 validation error detected: Value null at 'instanceIds'"}"#,
            #"{"CommandId":"c1","InstanceId":"i-1","Status":"Failed","ResponseCode":127,"StandardOutputContent":"","StandardErrorContent":"sh: 1: x: not found\n","ExecutionElapsedTime":"PT0.01S","ExecutionStartDateTime":"2024-05-01T12:00:00.123Z"}"#,
            #"{"FunctionName":"f","Timeout":900,"MemorySize":128,"CodeSize":1.0E3,"Environment":{"Variables":{"AMI":"ami-1","X":"\ud83d\ude00"}},"Layers":[],"TracingConfig":{"Mode":"PassThrough"},"Architectures":["x86_64"],"SnapStart":{"ApplyOn":"None","OptimizationStatus":"Off"},"DeadLetterConfig":null}"#,
        ]
        for s in samples {
            let theirs = try JSONSerialization.jsonObject(with: Data(s.utf8))
            let ours = try JSONReader.value(Array(s.utf8))
            assertSameReading(theirs, ours, s)
            // The nested documents the Pricing call reads.
            for item in (ours as? [String: Any])?["PriceList"] as? [Any] ?? [] {
                let nested = try XCTUnwrap(item as? String)
                assertSameReading(try JSONSerialization.jsonObject(with: Data(nested.utf8)), try JSONReader.value(Array(nested.utf8)), nested)
            }
        }
    }

    // MARK: comparison

    /// The same answer to every cast the services make: String, Int (through JSONNumber),
    /// null, containers and the typed container casts, recursively.
    private func assertSameReading(_ theirs: Any, _ ours: Any, _ context: @autoclosure () -> String,
                                   file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(theirs as? String, ours as? String, context(), file: file, line: line)
        // Past 2^53 JSONSerialization reads integers as imprecise doubles, Decimal or UInt64 (its
        // `as? Int` fails even on -3290500400060623650); AWS sends no such numbers.
        let huge = ((ours as? Double).map { abs($0) >= 0x1p53 } ?? false) || ((ours as? Int).map { abs(Double($0)) >= 0x1p53 } ?? false)
        if !huge {
            XCTAssertEqual(theirs as? Int, JSONNumber.int(ours), context(), file: file, line: line)
        }
        XCTAssertEqual(theirs is NSNull, ours is JSONNull, context(), file: file, line: line)
        XCTAssertEqual((theirs as? [String: String]) == nil, (ours as? [String: String]) == nil, context(), file: file, line: line)
        XCTAssertEqual((theirs as? [String: [String]]) == nil, (ours as? [String: [String]]) == nil, context(), file: file, line: line)
        XCTAssertEqual((theirs as? [[String: Any]]) == nil, (ours as? [[String: Any]]) == nil, context(), file: file, line: line)
        if let n = theirs as? NSNumber, !(theirs is NSNull) {
            switch ours {
            case let i as Int: XCTAssertEqual(n.doubleValue, Double(i), accuracy: abs(Double(i)) * 4 * Double.ulpOfOne, context(), file: file, line: line)
            // JSONSerialization's doubles are off by an ulp or two at 17 significant digits; ours
            // are correctly rounded (Swift's Double(String)). No service reads a reply's double.
            case let d as Double: XCTAssertEqual(n.doubleValue, d, accuracy: abs(d) * 4 * Double.ulpOfOne, context(), file: file, line: line)
            case let b as Bool: XCTAssertEqual(n.boolValue, b, context(), file: file, line: line)
            default: XCTFail("a number read as \(type(of: ours)): \(context())", file: file, line: line)
            }
        }
        if let a = theirs as? [String: Any] {
            guard let b = ours as? [String: Any] else { return XCTFail("not an object: \(context())", file: file, line: line) }
            XCTAssertEqual(Set(a.keys), Set(b.keys), context(), file: file, line: line)
            for (k, v) in a { if let w = b[k] { assertSameReading(v, w, context(), file: file, line: line) } }
        } else if let a = theirs as? [Any] {
            guard let b = ours as? [Any], a.count == b.count else { return XCTFail("not the same array: \(context())", file: file, line: line) }
            for (v, w) in zip(a, b) { assertSameReading(v, w, context(), file: file, line: line) }
        } else {
            XCTAssertNil(ours as? [String: Any], context(), file: file, line: line)
            XCTAssertNil(ours as? [Any], context(), file: file, line: line)
        }
    }
}

/// Records every exchange, passing it on to libcurl.
private final class RecordingTransport: HTTPTransport, @unchecked Sendable {
    private let inner = CurlTransport()
    private let lock = NSLock()
    private var recorded: [(HTTPRequest, HTTPResponse)] = []

    var exchanges: [(HTTPRequest, HTTPResponse)] { lock.withLock { recorded } }

    func send(_ request: HTTPRequest, timeout: Double) async throws -> HTTPResponse {
        let r = try await inner.send(request, timeout: timeout)
        lock.withLock { recorded.append((request, r)) }
        return r
    }

    func download(_ request: HTTPRequest, timeout: Double) async throws -> (HTTPResponse, URL?) {
        try await inner.download(request, timeout: timeout)
    }
}

/// Deterministic random values (SplitMix64), so a failure can be replayed.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Generated JSON: documents as text (every number form, escapes, surrogate pairs, non-ASCII)
/// and request bodies as Swift values (what the services put in json11/restJSON bodies).
enum JSONText {
    static func document(_ rng: inout SeededGenerator) -> String { object(&rng, depth: 0) }

    private static func object(_ rng: inout SeededGenerator, depth: Int) -> String {
        let members = (0..<Int.random(in: 0...5, using: &rng)).map { _ in
            space(&rng) + string(&rng) + space(&rng) + ":" + space(&rng) + value(&rng, depth: depth + 1) + space(&rng)
        }
        return "{" + members.joined(separator: ",") + "}"
    }

    private static func value(_ rng: inout SeededGenerator, depth: Int) -> String {
        switch Int.random(in: 0..<(depth > 3 ? 5 : 7), using: &rng) {
        case 0: return string(&rng)
        case 1: return number(&rng)
        case 2: return ["true", "false", "null"].randomElement(using: &rng)!
        case 3: return number(&rng)
        case 4: return string(&rng)
        case 5: return object(&rng, depth: depth)
        default:
            let elements = (0..<Int.random(in: 0...4, using: &rng)).map { _ in space(&rng) + value(&rng, depth: depth + 1) + space(&rng) }
            return "[" + elements.joined(separator: ",") + "]"
        }
    }

    private static func space(_ rng: inout SeededGenerator) -> String {
        ["", "", "", " ", "\n", "\t ", "\r\n  "].randomElement(using: &rng)!
    }

    static func number(_ rng: inout SeededGenerator) -> String {
        switch Int.random(in: 0..<9, using: &rng) {
        case 0: return String(Int.random(in: -1000...1000, using: &rng))
        case 1: return String(Int.random(in: Int.min...Int.max, using: &rng))
        case 2: return String(Int.random(in: 0...100, using: &rng)) + ".0"
        case 3: return String(Double.random(in: -1e6...1e6, using: &rng))
        case 4: return "\(Int.random(in: 1...9, using: &rng))e\(Int.random(in: -20...20, using: &rng))"
        case 5: return "\(Int.random(in: -9...9, using: &rng)).\(Int.random(in: 0...999, using: &rng))E+\(Int.random(in: 0...5, using: &rng))"
        case 6: return ["0", "-0", "-0.0", "1e0", "2E-0", "0.5", "100", "9007199254740993"].randomElement(using: &rng)!
        case 7: return String(Int.random(in: 0...1, using: &rng))
        default: return String(Double(Int.random(in: -100...100, using: &rng)) / 8)
        }
    }

    private static let pieces = ["a", "Z", "0", " ", "/", "é", "中", "😀", "\\\"", "\\\\", "\\/", "\\n", "\\t", "\\r", "\\b", "\\f",
                                 "\\u0041", "\\u00e9", "\\u001f", "\\u2028", "\\ud83d\\ude00", "\\uD834\\uDD1E", "ami-0123", "x_y", "\u{7f}"]

    static func string(_ rng: inout SeededGenerator) -> String {
        "\"" + (0..<Int.random(in: 0...6, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined() + "\""
    }

    /// Raw characters (not escapes) for bodies: what a blueprint's COMMAND or a path may hold.
    private static let characters: [String] = ["a", "Z", "0", " ", "/", "\"", "\\", "\n", "\t", "\r", "\u{8}", "\u{c}", "\u{1}",
                                                "\u{1f}", "\u{7f}", "é", "中", "😀", "\u{2028}", "&&", "$1", "<", ">", "'"]

    static func body(_ rng: inout SeededGenerator, depth: Int) -> [String: Any] {
        var out: [String: Any] = [:]
        for _ in 0..<Int.random(in: 0...5, using: &rng) {
            let key = String("aAbBQq".randomElement(using: &rng)!)
                + String((0..<Int.random(in: 0...6, using: &rng)).map { _ in Array("aAzZ09_").randomElement(using: &rng)! })
            out[key] = bodyValue(&rng, depth: depth + 1)
        }
        return out
    }

    private static func bodyValue(_ rng: inout SeededGenerator, depth: Int) -> Any {
        switch Int.random(in: 0..<(depth > 3 ? 5 : 10), using: &rng) {
        case 9: return [0.5, 3.0, 1e20, 1e-7, 0.1, -0.0, 123456789.123, 1e16, 1.5e300, Double.random(in: -1e9...1e9, using: &rng)]
            .randomElement(using: &rng)!
        case 0, 1: return (0..<Int.random(in: 0...8, using: &rng)).map { _ in characters.randomElement(using: &rng)! }.joined()
        case 2: return Int.random(in: -100_000...100_000, using: &rng)
        case 3: return Bool.random(using: &rng)
        case 4: return [Int.min, Int.max, 0, -1, 172_000].randomElement(using: &rng)!
        case 5: return body(&rng, depth: depth)
        case 6: return (0..<Int.random(in: 0...3, using: &rng)).map { _ in "s\(Int.random(in: 0...9, using: &rng))/x" } as [String]
        case 7: return ["Type": "TERM_MATCH", "Field": "instanceType", "Value": "p3.2xlarge"] as [String: String]
        default: return (0..<Int.random(in: 0...3, using: &rng)).map { _ in bodyValue(&rng, depth: depth + 1) } as [Any]
        }
    }
}
