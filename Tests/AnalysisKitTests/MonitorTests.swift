import AnalysisKit
import AWSClient
import Foundation
import TestSupport
import XCTest
#if canImport(FoundationXML)
import FoundationXML
#endif

/// `bpctl monitor` against moto, with the bucket laid out as real jobs leave it: one job run
/// through scripts/run_main_cli.sh (the workflow commands write its status file, patch its
/// certificate and write update.txt), one still running with the job manager's initial files,
/// and the per-instance records the job manager and FigLambda write under logs/.
final class MonitorTests: XCTestCase {
    /// Unique per test: CI shares one moto server between tests (BPCTL_MOTO_PORT).
    let bucket = "monitorpipe-" + UUID().uuidString.prefix(8).lowercased()
    let t0 = Date().addingTimeInterval(-3 * 3600)

    func layOut(_ server: LocalServer, root: URL) async throws {
        let s3 = S3(Harness.client(server))
        let b = bucket
        try await s3.createBucket(b)
        try await s3.putObject(bucket: b, key: "lab/inputs/data.bin", body: Array("abcdef".utf8))
        try await s3.putObject(bucket: b, key: "lab/configs/config.yaml", body: Array("threshold: 0.2\n".utf8))
        // The job manager's certificate for job 1, before the instance runs.
        try await s3.putObject(bucket: b, key: "lab/results/job__\(b)_1/logs/certificate.txt", body: Array("""
            PER ENVIRONMENT MONITORING
            ================
            DATANAME: lab/inputs/data.bin | STATUS: INITIALIZING | TIME: - | LAST COMMAND: - | CPU_USAGE: -
            ================
            """.utf8))
        // Job 1 runs to the end on "the instance".
        let script = root.appendingPathComponent("analysis.sh")
        try write("#!/bin/bash\nset -e\nneurocaas-contrib workflow get-data -f\necho \"analysing $(basename $(neurocaas-contrib workflow get-datapath))\"\n", to: script)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        var env = Harness.motoEnv(server)
        env["HOME"] = root.path
        env["PATH"] = "\(Harness.binary("neurocaas-contrib").deletingLastPathComponent().path):/usr/bin:/bin"
        env["NEUROCAAS_JOB_DIR"] = root.appendingPathComponent("contribdata").path
        env["NEUROCAAS_LOG_INTERVAL"] = "0.2"
        let run = try runProcess(URL(fileURLWithPath: "/bin/bash"), [Harness.repo.appendingPathComponent("scripts/run_main_cli.sh").path, b,
                                 "lab/inputs/data.bin", "results/job__\(b)_1", "lab/configs/config.yaml", script.path], environment: env)
        XCTAssertEqual(run.status, 0, run.stderr)
        // Job 2 has just started: the job manager's INITIALIZING status and certificate only.
        try await s3.putObject(bucket: b, key: "debuggers/results/job__\(b)_2/logs/DATASET_NAME:big.bin_STATUS.txt", body: Array("""
            {"status": "INITIALIZING", "reason": [], "stdout": [], "stderr": [], "input": "debuggers/inputs/big.bin", "instance": "i-0ccc", "command": "cd /home/ubuntu"}
            """.utf8))
        try await s3.putObject(bucket: b, key: "debuggers/results/job__\(b)_2/logs/certificate.txt", body: Array("REQUEST START TIME: …\n".utf8))
        // Instance records: two overlapping instances for job 1 (finished), one running for job 2.
        let records = [
            InstanceRecord(group: "lab", instanceID: "i-0aaa", instanceType: "p3.2xlarge", price: 3.06, jobPath: "lab/results/job__\(b)_1",
                           start: t0, end: t0.addingTimeInterval(3600)),
            InstanceRecord(group: "lab", instanceID: "i-0bbb", instanceType: "p3.2xlarge", price: 3.06, jobPath: "lab/results/job__\(b)_1",
                           start: t0.addingTimeInterval(1800), end: t0.addingTimeInterval(7200)),
            InstanceRecord(group: "debuggers", instanceID: "i-0ccc", instanceType: "p3.2xlarge", price: 3.06, jobPath: "debuggers/results/job__\(b)_2",
                           start: t0.addingTimeInterval(3600), end: nil),
        ]
        for r in records { try await s3.putObject(bucket: b, key: "logs/\(r.group)/\(r.instanceID).json", body: r.json()) }
        try await s3.putObject(bucket: b, key: "logs/active/i-0ccc.json", body: records[2].json())
        try await SSM(Harness.client(server)).putParameter("/neurocaas/budgets/lab/\(b)", value: "7")
        // The analysis folder, as bpctl init makes it.
        XCTAssertEqual(try Harness.run("bpctl", ["init", b, "--ami", "ami-0123456789abcdef0", "--affiliate", "lab", "--user", "alice",
                                                 "--user", "debuggers:carol"], cwd: root).status, 0)
    }

    func testMonitorAgainstMoto() async throws {
        let server = try LocalServer.moto()
        defer { server.stop() }
        let root = try tempDir()
        try await layOut(server, root: root)
        let env = Harness.motoEnv(server)
        func monitor(_ args: [String]) throws -> Harness.Run {
            try Harness.run("bpctl", ["monitor"] + args + ["--blueprint", "\(bucket)/stack_config_template.json"], cwd: root, env: env)
        }

        let users = try monitor(["users"])
        XCTAssertEqual(users.status, 0, users.all)
        XCTAssertEqual(users.stdout, "debuggers: 1 instance, 1 job; users: carol\nlab: 2 instances, 1 job; users: alice\n")

        let jobs = try monitor(["jobs"])
        XCTAssertEqual(jobs.status, 0, jobs.all)
        let rows = jobs.stdout.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).map(String.init) }
        XCTAssertEqual(rows.count, 3, jobs.stdout)
        XCTAssertEqual(rows.first { $0.first == "lab" }, ["lab", "job__\(bucket)_1", "data.bin", "SUCCESS", "2h00m", "$7.65", "update.txt"])
        XCTAssertEqual(rows.first { $0.first == "debuggers" }, ["debuggers", "job__\(bucket)_2", "big.bin", "INITIALIZING", "running", "$3.06", "no"])

        let job = try monitor(["job", "lab/results/job__\(bucket)_1"])
        XCTAssertEqual(job.status, 0, job.all)
        XCTAssertTrue(job.stdout.hasPrefix("lab/results/job__\(bucket)_1: SUCCESS, ended (update.txt), 2h00m, $7.65 on 2 instances\n  data.bin: SUCCESS"), job.stdout)
        XCTAssertTrue(job.stdout.contains("| analysing data.bin"), "the log tail: \(job.stdout)")
        XCTAssertTrue(job.stdout.contains("DATANAME: lab/inputs/data.bin | STATUS: SUCCESS"), "the certificate as the workflow patched it: \(job.stdout)")

        let svg = root.appendingPathComponent("parallel.svg")
        let par = try monitor(["parallelism", "--out", svg.path])
        XCTAssertEqual(par.status, 0, par.all)
        XCTAssertNotNil(par.stdout.range(of: #"lab +\|[·12]+\| peak 2"#, options: .regularExpression), par.stdout)
        let series = try SVGSeries.parse(Data(contentsOf: svg))
        XCTAssertEqual(series.root, "svg")
        XCTAssertEqual(series.peaks, ["debuggers": 1, "lab": 2])
        XCTAssertEqual(series.paths, 2)

        let spend = try monitor(["spend"])
        XCTAssertEqual(spend.status, 1, "lab's budget is exhausted: \(spend.all)")
        let spendRows = spend.stdout.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).map(String.init) }
        XCTAssertEqual(spendRows.first { $0.first == "lab" }, ["lab", "2", "$7.65", "$7.00", "EXHAUSTED", "-$0.65", "/neurocaas/budgets/lab/\(bucket)"])
        XCTAssertEqual(spendRows.first { $0.first == "debuggers" }, ["debuggers", "1", "$3.06", "$300.00", "$296.94", "MAXCOST"])
    }

    /// --follow stops at update.txt (written here while it polls) and times out without it.
    func testFollowRecognisesUpdateTxt() async throws {
        let server = try LocalServer.moto()
        defer { server.stop() }
        let root = try tempDir()
        try await layOut(server, root: root)
        let env = Harness.motoEnv(server)
        let timedOut = try Harness.run("bpctl", ["monitor", "job", "debuggers/results/job__\(bucket)_2", "--follow", "--interval", "0.2", "--timeout", "1",
                                                 "--bucket", bucket], cwd: root, env: env)
        XCTAssertEqual(timedOut.status, 1, timedOut.all)
        XCTAssertTrue(timedOut.stderr.contains("timed out after 1 s"), timedOut.stderr)

        let args = ["monitor", "job", "debuggers/results/job__\(bucket)_2", "--follow", "--interval", "0.2", "--timeout", "60", "--bucket", bucket]
        let dir: URL = root, vars: [String: String] = env
        let follower = Task.detached { () throws -> Harness.Run in
            try Harness.run("bpctl", args, cwd: dir, env: vars)
        }
        try await Task.sleep(nanoseconds: 1_000_000_000)
        let s3 = S3(Harness.client(server))
        let job = "debuggers/results/job__\(bucket)_2"
        try await s3.putObject(bucket: bucket, key: "\(job)/logs/DATASET_NAME:big.bin_STATUS.txt",
                               body: Array(#"{"status": "SUCCESS", "reason": [], "std": ["done"], "input": "debuggers/inputs/big.bin"}"#.utf8))
        try await s3.putObject(bucket: bucket, key: "\(job)/process_results/update.txt", body: [])
        let r = try await follower.value
        XCTAssertEqual(r.status, 0, r.all)
        XCTAssertTrue(r.stdout.contains("big.bin: INITIALIZING"), r.stdout)
        XCTAssertTrue(r.stdout.contains("job ended (update.txt)"), r.stdout)
        XCTAssertTrue(r.stdout.contains("big.bin: SUCCESS"), r.stdout)
    }

    /// `neurocaas-contrib monitor` with the Python tool's names and flags, on the same layout.
    func testContribMonitorCommands() async throws {
        let server = try LocalServer.moto()
        defer { server.stop() }
        let root = try tempDir()
        try await layOut(server, root: root)
        var env = Harness.motoEnv(server)
        env["HOME"] = root.path
        func contrib(_ args: [String]) throws -> Harness.Run { try Harness.run("neurocaas-contrib", ["monitor"] + args, cwd: root, env: env) }
        let b = bucket

        let users = try contrib(["see-users", "-s", b])
        XCTAssertEqual(users.status, 0, users.all)
        XCTAssertEqual(users.stdout, "debuggers: ['logs/debuggers/i-0ccc.json']\nlab: ['logs/lab/i-0aaa.json', 'logs/lab/i-0bbb.json']\n")

        try write(#"{"dataname": "lab/inputs/data.bin", "configname": "lab/configs/config.yaml", "timestamp": "1"}"#, to: root.appendingPathComponent("submit.json"))
        let cert = try contrib(["describe-certificate", "-s", b, "-p", "submit.json"])
        XCTAssertEqual(cert.status, 0, cert.all)
        XCTAssertTrue(cert.stdout.contains("DATANAME: lab/inputs/data.bin | STATUS: SUCCESS"), cert.stdout)
        XCTAssertEqual(try contrib(["describe-certificate", "-s", b, "-g", "lab", "-t", "1"]).stdout, cert.stdout)
        let missing = try contrib(["describe-certificate", "-s", b, "-g", "lab", "-t", "404"])
        XCTAssertEqual(missing.status, 1, missing.all)
        XCTAssertTrue(missing.stderr.contains("Error getting certificate"), missing.stderr)

        let status = try contrib(["describe-datastatus", "-s", b, "-p", "submit.json"])
        XCTAssertEqual(status.status, 0, status.all)
        XCTAssertTrue(status.stdout.contains("status: SUCCESS\n"), status.stdout)
        XCTAssertTrue(status.stdout.contains("std: \nanalysing data.bin"), status.stdout)
        let cut = try contrib(["describe-datastatus", "-s", b, "-g", "lab", "-t", "1", "-d", "data.bin", "-c", "1"])
        XCTAssertFalse(cut.stdout.contains("analysing data.bin"), "--cutoff 1 skips the first log line: \(cut.stdout)")

        let local = root.appendingPathComponent("polled")
        try FileManager.default.createDirectory(at: local, withIntermediateDirectories: true)
        let poll = try contrib(["poll-analysis", "-s", b, "-p", "lab/results/job__\(b)_1", "-l", local.path, "-i", "0.2", "-t", "10"])
        XCTAssertEqual(poll.status, 0, poll.all)
        XCTAssertTrue(poll.stdout.contains("Finished polling."), "update.txt ends polling: \(poll.stdout)")
        for f in ["logs/certificate.txt", "logs/DATASET_NAME:data.bin_STATUS.txt", "process_results/update.txt"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: local.appendingPathComponent(f).path), f)
        }
        let running = try contrib(["poll-analysis", "-s", b, "-p", "debuggers/results/job__\(b)_2", "-l", local.path, "-i", "0.2", "-t", "1"])
        XCTAssertEqual(running.status, 1, running.all)
        XCTAssertTrue(running.stdout.contains("Polling timeout."), running.stdout)

        let out = root.appendingPathComponent("viz")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let viz = try contrib(["visualize-parallelism", "-p", out.path, "-n", b])
        XCTAssertEqual(viz.status, 0, viz.all)
        let files = try FileManager.default.contentsOfDirectory(atPath: out.path)
        let labFile = try XCTUnwrap(files.first { $0.hasPrefix("\(b)_lab_") && $0.hasSuffix("_parallel_logs.json") }, "\(files)")
        let lab = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent(labFile))) as? [String: [String: Any]])
        XCTAssertEqual(lab["lab/results/job__\(b)_1"]?["durations"] as? [Int], [3600, 5400])
        let svg = try XCTUnwrap(files.first { $0.hasSuffix("_parallelism.svg") })
        XCTAssertEqual(try SVGSeries.parse(Data(contentsOf: out.appendingPathComponent(svg))).peaks, ["debuggers": 1, "lab": 2])

        let noJob = try contrib(["describe-certificate", "-s", b])
        XCTAssertEqual(noJob.status, 2, noJob.all)
        XCTAssertTrue(noJob.stderr.contains("give -p SUBMITPATH, or both -g GROUPNAME and -t TIMESTAMP"), noJob.stderr)
        let noDir = try contrib(["poll-analysis", "-s", b, "-p", "x/results/y", "-l", root.appendingPathComponent("absent").path, "-t", "5"])
        XCTAssertEqual(noDir.status, 2, noDir.all)
    }

    func testBadInput() throws {
        let root = try tempDir()
        let unreachable = ["AWS_ENDPOINT_URL": "http://127.0.0.1:\(LocalServer.freePort())", "AWS_ACCESS_KEY_ID": "x", "AWS_SECRET_ACCESS_KEY": "y",
                           "AWS_MAX_ATTEMPTS": "1", "AWS_REGION": "us-east-1"]
        let noBlueprint = try Harness.run("bpctl", ["monitor", "jobs"], cwd: root, env: unreachable)
        XCTAssertEqual(noBlueprint.status, 2, noBlueprint.all)
        XCTAssertTrue(noBlueprint.stderr.contains("stack_config_template.json:1:1: cannot read the file: no such file (pass --blueprint FILE or --bucket NAME)"), noBlueprint.stderr)
        let badPath = try Harness.run("bpctl", ["monitor", "job", "nonsense", "--bucket", "b"], cwd: root, env: unreachable)
        XCTAssertEqual(badPath.status, 2, badPath.all)
        let gif = try Harness.run("bpctl", ["monitor", "parallelism", "--bucket", "b", "--out", "chart.gif"], cwd: root, env: unreachable)
        XCTAssertEqual(gif.status, 2, gif.all)
        XCTAssertTrue(gif.stderr.contains("write a .svg or a .png file"), gif.stderr)
        let down = try Harness.run("bpctl", ["monitor", "users", "--bucket", "b"], cwd: root, env: unreachable)
        XCTAssertEqual(down.status, 1, down.all)
        XCTAssertTrue(down.stderr.hasPrefix("bpctl: could not reach"), down.stderr)
    }
}

/// Reads the series back out of the SVG chart with an XML parser.
final class SVGSeries: NSObject, XMLParserDelegate {
    var root: String?
    var peaks: [String: Int] = [:]
    var paths = 0

    static func parse(_ data: Data) throws -> SVGSeries {
        let s = SVGSeries()
        let p = XMLParser(data: data)
        p.delegate = s
        guard p.parse() else { throw p.parserError ?? NSError(domain: "svg", code: 1) }
        return s
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        if root == nil { root = name }
        if name == "g", attributes["class"] == "series", let g = attributes["data-group"] { peaks[g] = Int(attributes["data-peak"] ?? "") }
        if name == "path", attributes["d"]?.hasPrefix("M ") == true { paths += 1 }
    }
}
