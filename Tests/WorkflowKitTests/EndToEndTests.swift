import AWSClient
import Foundation
import TestSupport
import XCTest

/// Whole jobs through the `neurocaas-contrib` binary: the seed guide's local flow, and a
/// run_main_cli.sh job against moto, checking what lands on disk and in the bucket.
final class EndToEndTests: XCTestCase {
    let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func sh(_ script: String, env: [String: String]) throws -> (Int32, String, String) {
        let r = try runProcess(URL(fileURLWithPath: "/bin/bash"), ["-c", script], environment: env)
        return (r.status, r.stdout, r.stderr)
    }

    func tempDir() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bpctl-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return dir
    }

    /// An analysis script in the style the guide teaches.
    let analysis = """
    #!/bin/bash
    set -e
    neurocaas-contrib workflow get-data -f
    neurocaas-contrib workflow get-config -f
    datapath=$(neurocaas-contrib workflow get-datapath)
    configpath=$(neurocaas-contrib workflow get-configpath)
    scale=$(neurocaas-contrib scripting read-yaml -p "$configpath" -f scale -d 1)
    out=$(neurocaas-contrib workflow get-resultpath-tmp)
    echo "analysing $(basename "$datapath") with scale $scale"
    wc -c < "$datapath" > "$out/size.txt"
    neurocaas-contrib workflow put-result -r "$out/size.txt"
    echo "done" >&2

    """

    func baseEnv(_ home: URL) -> [String: String] {
        let bin = ContribCLITests.binary.deletingLastPathComponent().path
        return ["HOME": home.path, "PATH": "\(bin):/usr/bin:/bin", "AWS_EC2_METADATA_DISABLED": "true", "NEUROCAAS_LOG_INTERVAL": "0.2"]
    }

    func testSeedGuideLocalFlow() throws {
        let root = try tempDir()
        try Data("0123456789".utf8).write(to: root.appendingPathComponent("data.bin"))
        try Data("scale: 3\n".utf8).write(to: root.appendingPathComponent("config.yaml"))
        let script = root.appendingPathComponent("analysis.sh")
        try Data(analysis.utf8).write(to: script)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        let r = try sh("""
            set -e
            mkdir -p "\(root.path)/job" "\(root.path)/results"
            neurocaas-contrib workflow initialize-job -p "\(root.path)/job"
            neurocaas-contrib workflow register-dataset -l "\(root.path)/data.bin"
            neurocaas-contrib workflow register-config -l "\(root.path)/config.yaml"
            neurocaas-contrib workflow register-resultpath -l "\(root.path)/results"
            neurocaas-contrib workflow log-command-local -c "\(script.path)"
            """, env: baseEnv(root))
        XCTAssertEqual(r.0, 0, r.2)
        XCTAssertTrue(r.1.contains("analysing data.bin with scale 3"), r.1)
        XCTAssertEqual(try String(contentsOf: root.appendingPathComponent("results/process_results/size.txt"), encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines), "10")
        let log = try String(contentsOf: root.appendingPathComponent("results/logs/log.txt"), encoding: .utf8)
        XCTAssertTrue(log.contains("done"), "stderr lands in the log too")
        let status = try JSONSerialization.jsonObject(with: Data(contentsOf: root.appendingPathComponent("results/logs/DATASTATUS.json"))) as? [String: Any]
        XCTAssertEqual(status?["status"] as? String, "SUCCESS")
        XCTAssertTrue((status?["memory_usage"] as? String)?.hasSuffix(" MB") ?? false)
        XCTAssertTrue((status?["cpu_usage"] as? String)?.hasSuffix(" %") ?? false)

        // A failing analysis: the command fails with the script's status and says so.
        let failing = root.appendingPathComponent("fail.sh")
        try Data("#!/bin/bash\necho before\nexit 3\n".utf8).write(to: failing)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: failing.path)
        let f = try sh("neurocaas-contrib workflow log-command-local -c \"\(failing.path)\"", env: baseEnv(root))
        XCTAssertEqual(f.0, 3)
        XCTAssertTrue(f.2.contains("the analysis failed with exit code 3; its last lines:\nbefore"), f.2)
        let failed = try JSONSerialization.jsonObject(with: Data(contentsOf: root.appendingPathComponent("results/logs/DATASTATUS.json"))) as? [String: Any]
        XCTAssertEqual(failed?["status"] as? String, "FAILED")
        XCTAssertEqual(failed?["reason"] as? String, "exit code 3")
    }

    func testRunMainCLIAgainstMoto() async throws {
        let moto = try LocalServer.moto()
        defer { moto.stop() }
        let env = testEnvironment(endpoint: moto.endpoint)
        let s3 = S3(AWSClient(environment: env, region: "us-east-1"))
        let bucket = "e2e-\(UUID().uuidString.prefix(8).lowercased())"
        try await s3.createBucket(bucket)
        try await s3.putObject(bucket: bucket, key: "lab/inputs/data.bin", body: Array("abcdef".utf8))
        try await s3.putObject(bucket: bucket, key: "lab/configs/config.yaml", body: Array("scale: 2\n".utf8))
        let certificateKey = "lab/results/job__\(bucket)_1/logs/certificate.txt"
        try await s3.putObject(bucket: bucket, key: certificateKey, body: Array("""
            PER-DATASET STATUS
            ================
            DATANAME: lab/inputs/other.bin | STATUS: INITIALIZING | TIME: - | LAST COMMAND: - | CPU_USAGE: -
            DATANAME: lab/inputs/data.bin | STATUS: INITIALIZING | TIME: - | LAST COMMAND: - | CPU_USAGE: -
            ================
            notes
            """.utf8))
        let root = try tempDir()
        let script = root.appendingPathComponent("analysis.sh")
        try Data(analysis.utf8).write(to: script)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        var vars = baseEnv(root)
        vars.merge(env.variables) { $1 }
        vars["AWS_REGION"] = "us-east-1"
        vars["NEUROCAAS_JOB_DIR"] = root.appendingPathComponent("contribdata").path
        let r = try sh("\(repo.path)/scripts/run_main_cli.sh \(bucket) lab/inputs/data.bin results/job__\(bucket)_1 lab/configs/config.yaml \(script.path)",
                       env: vars)
        XCTAssertEqual(r.0, 0, r.2)
        let prefix = "lab/results/job__\(bucket)_1"
        let keys = Set(try await s3.listObjects(bucket: bucket, prefix: prefix))
        for k in ["process_results/size.txt", "process_results/config.yaml", "process_results/update.txt", "process_results/log.txt",
                  "logs/log.txt", "logs/DATASET_NAME:data.bin_STATUS.txt"] {
            XCTAssertTrue(keys.contains("\(prefix)/\(k)"), "missing \(k) in \(keys.sorted())")
        }
        let status = try await s3.getObject(bucket: bucket, key: "\(prefix)/logs/DATASET_NAME:data.bin_STATUS.txt")
        let json = try JSONSerialization.jsonObject(with: Data(status)) as? [String: Any]
        XCTAssertEqual(json?["status"] as? String, "SUCCESS")
        XCTAssertEqual(json?["input"] as? String, "lab/inputs/data.bin")
        let certificate = String(decoding: try await s3.getObject(bucket: bucket, key: certificateKey), as: UTF8.self)
        let lines = certificate.components(separatedBy: "\n")
        XCTAssertTrue(lines[2].contains("STATUS: INITIALIZING"), "other datasets' lines are left alone")
        XCTAssertTrue(lines[3].hasPrefix("DATANAME: lab/inputs/data.bin | STATUS: SUCCESS | TIME: "), lines[3])
        XCTAssertTrue(lines[3].contains("(finished) | LAST COMMAND: "), lines[3])
        let size = try await s3.getObject(bucket: bucket, key: "\(prefix)/process_results/size.txt")
        XCTAssertEqual(String(decoding: size, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines), "6")
    }
}
