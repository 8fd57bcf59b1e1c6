import AWSClient
import Foundation
import TestSupport
import WorkflowKit
import XCTest

/// The workflow commands' logic: the seed guide's local flow, and the S3 flow against moto.
final class WorkflowTests: XCTestCase {
    private func tempDir() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bpctl-wf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return dir
    }

    private func workflow(home: URL, moto: LocalServer? = nil) -> Workflow {
        Workflow(state: JobState(home: home.path)) {
            guard let moto else { throw WorkflowError("no S3 in this test") }
            return S3Store(S3(AWSClient(environment: testEnvironment(endpoint: moto.endpoint), region: "us-east-1")))
        }
    }

    func testLocalFlow() async throws {
        let root = try tempDir()
        let home = root.appendingPathComponent("home"), job = root.appendingPathComponent("job")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: job, withIntermediateDirectories: true)
        let data = root.appendingPathComponent("src/data.txt"), config = root.appendingPathComponent("src/config.yaml")
        try FileManager.default.createDirectory(at: data.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("1 2 3\n".utf8).write(to: data)
        try Data("threshold: 0.5\nchannels: [1, 2]\n".utf8).write(to: config)
        let wf = workflow(home: home)

        XCTAssertEqual(try wf.state.initialize(path: job.path), job.standardizedFileURL.path)
        let storage = try String(contentsOf: home.appendingPathComponent(".neurocaas_contrib_storageloc.json"), encoding: .utf8)
        XCTAssertEqual(storage, "{\"path\": \"\(job.standardizedFileURL.path)\"}")
        XCTAssertThrowsError(try wf.localPath(.data)) { XCTAssertTrue("\($0)".contains("register-dataset"), "\($0)") }

        try wf.register(.data, bucket: nil, key: nil, localPath: data.path)
        try wf.register(.config, bucket: nil, key: nil, localPath: config.path)
        try wf.register(.result, bucket: nil, key: nil, localPath: root.appendingPathComponent("out").path)
        XCTAssertThrowsError(try wf.localPath(.data)) { XCTAssertTrue("\($0)".contains("get-data"), "\($0)") }

        let fetched = try await wf.fetch(.data, outputDirectory: nil, force: true)
        XCTAssertEqual(fetched, job.appendingPathComponent("inputs/data.txt").path)
        _ = try await wf.fetch(.config, outputDirectory: nil, force: true)
        XCTAssertEqual(try wf.localName(.data), "data.txt")
        XCTAssertEqual(try wf.localPath(.config), job.appendingPathComponent("configs/config.yaml").path)
        XCTAssertEqual(try ReadYAML.value(path: wf.localPath(.config), field: "channels", default: nil), "1 2 ")
        XCTAssertEqual(try ReadYAML.value(path: wf.localPath(.config), field: "missing", default: "7"), "7")
        XCTAssertThrowsError(try ReadYAML.value(path: wf.localPath(.config), field: "missing", default: nil))

        // Fetching again without force keeps the copy and still records it.
        var notices: [String] = []
        _ = try await wf.fetch(.data, outputDirectory: nil, force: false) { notices.append($0) }
        XCTAssertEqual(notices.count, 1)

        let tmp = try wf.temporaryResultFolder()
        XCTAssertEqual(tmp, job.appendingPathComponent("results").path)
        let result = URL(fileURLWithPath: tmp).appendingPathComponent("summary.csv")
        try Data("ok\n".utf8).write(to: result)
        let published = try await wf.putResult(result.path)
        XCTAssertEqual(published, root.appendingPathComponent("out/process_results/summary.csv").path)
        XCTAssertEqual(try String(contentsOfFile: published, encoding: .utf8), "ok\n")
        XCTAssertEqual(try wf.resultPath(for: tmp), root.appendingPathComponent("out/process_results/results").path)

        // registration.json keeps neurocaas-contrib's shape.
        let reg = try JSONSerialization.jsonObject(with: Data(contentsOf: job.appendingPathComponent("registration.json"))) as? [String: Any]
        XCTAssertEqual((reg?["data"] as? [String: String])?["localsource"], data.path)
        XCTAssertEqual((reg?["data"] as? [String: String])?["local"], fetched)
        XCTAssertNotNil(reg?["additional_files"] as? [String: Any])
    }

    func testS3Flow() async throws {
        let moto = try LocalServer.moto()
        defer { moto.stop() }
        let s3 = S3(AWSClient(environment: testEnvironment(endpoint: moto.endpoint), region: "us-east-1"))
        let bucket = "wf-\(UUID().uuidString.prefix(8).lowercased())"
        try await s3.createBucket(bucket)
        try await s3.putObject(bucket: bucket, key: "lab/inputs/data.bin", body: Array(repeating: 7, count: 1000))
        let root = try tempDir()
        let wf = workflow(home: root, moto: moto)
        _ = try wf.state.initialize(path: root.path)
        try wf.register(.data, bucket: bucket, key: "lab/inputs/data.bin", localPath: nil)
        XCTAssertEqual(try wf.group(), "lab")
        XCTAssertEqual(try wf.bucket(), bucket)
        try wf.register(.result, bucket: bucket, key: "results/job__x_1", localPath: nil)
        let local = try await wf.fetch(.data, outputDirectory: nil, force: true)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: local)).count, 1000)
        let out = root.appendingPathComponent("out.txt")
        try Data("result".utf8).write(to: out)
        let target = try await wf.putResult(out.path)
        XCTAssertEqual(target, "s3://\(bucket)/lab/results/job__x_1/process_results/out.txt")
        let back = try await s3.getObject(bucket: bucket, key: "lab/results/job__x_1/process_results/out.txt")
        XCTAssertEqual(String(decoding: back, as: UTF8.self), "result")

        try wf.register(.config, bucket: bucket, key: "lab/configs/missing.yaml", localPath: nil)
        do {
            _ = try await wf.fetch(.config, outputDirectory: nil, force: true)
            XCTFail("a missing object must fail")
        } catch let e as WorkflowError {
            XCTAssertEqual(e.message, "s3://\(bucket)/lab/configs/missing.yaml does not exist")
        }
    }

    func testBadInput() throws {
        let root = try tempDir()
        let wf = workflow(home: root)
        XCTAssertThrowsError(try wf.state.load()) { XCTAssertTrue("\($0)".contains("initialize-job"), "\($0)") }
        XCTAssertThrowsError(try wf.state.initialize(path: root.appendingPathComponent("nope").path))
        _ = try wf.state.initialize(path: root.path)
        XCTAssertThrowsError(try wf.register(.data, bucket: "b", key: nil, localPath: nil))
        XCTAssertThrowsError(try wf.register(.data, bucket: "b", key: "k", localPath: "/x"))
        XCTAssertThrowsError(try wf.register(.result, bucket: "b", key: "r", localPath: nil)) {
            XCTAssertTrue("\($0)".contains("register-dataset"), "\($0)")
        }
        try wf.register(.data, bucket: nil, key: nil, localPath: "/x/y")
        XCTAssertThrowsError(try wf.group()) { XCTAssertTrue("\($0)".contains("no group"), "\($0)") }
        let yaml = root.appendingPathComponent("bad.yaml")
        try Data("a: [1, 2\n".utf8).write(to: yaml)
        XCTAssertThrowsError(try ReadYAML.value(path: yaml.path, field: "a", default: nil)) {
            XCTAssertTrue("\($0)".contains("invalid YAML at line 2"), "\($0)")
        }
    }
}
