import AWSClient
import DevInstances
import Foundation
import TestSupport
import XCTest

/// The seed guide's dev loop against moto_server, through `bpctl dev` and through
/// `neurocaas-contrib remote`. moto runs no SSM command (no output, status always Success):
/// these tests check the request SSM recorded (ListCommands) and the status path, not a run.
final class DevLoopTests: XCTestCase {
    nonisolated(unsafe) static var moto: LocalServer?
    override class func setUp() { super.setUp(); moto = try? LocalServer.moto() }
    override class func tearDown() { moto?.stop(); super.tearDown() }

    func fixture(region: String = "us-east-1", command: String = DevFixture.command) async throws -> DevFixture {
        guard let m = Self.moto else { throw XCTSkip("moto_server is not installed") }
        let f = try await DevFixture(server: m, region: region, command: command)
        addTeardownBlock { f.cleanup() }
        return f
    }

    func state(_ f: DevFixture) throws -> DevState {
        let d = JSONDecoder()
        d.dateDecodingStrategy = .iso8601
        return try d.decode(DevState.self, from: Data(contentsOf: URL(fileURLWithPath: f.statePath)))
    }

    func testWholeLoopThroughBpctl() async throws {
        let f = try await fixture()
        let launch = try f.bpctl(["launch", "--name", "one", "--description", "first try", "--timeout", "60", "--volumesize", "30", "--amiid", "ubuntu18"])
        XCTAssertEqual(launch.status, 0, launch.stderr)
        XCTAssertTrue(launch.stderr.contains("ami-07ebfd5b3428b6f4d from ubuntu18 (table, us-east-1)"), launch.stderr)
        let id = try XCTUnwrap(try state(f).selected)
        XCTAssertTrue(launch.stdout.contains("Instance \(id) is running"), launch.stdout)

        // The instance as AWS sees it: tags on instance and volume, type, key, AMI, volume size.
        let ec2 = EC2(f.client())
        let described = try await ec2.describeDevInstances(filters: ["instance-id": [id]])
        let i = try XCTUnwrap(described.first)
        XCTAssertEqual(i.imageID, "ami-07ebfd5b3428b6f4d")
        XCTAssertEqual(i.type, "t2.micro")
        XCTAssertEqual(i.tags["Name"], "one")
        XCTAssertEqual(i.tags["analysis"], f.pipeline)
        XCTAssertEqual(i.tags["PriceTracking"], "On")
        XCTAssertEqual(i.tags["Timeout"], "60")
        XCTAssertEqual(i.tags["OwnerArn"], "arn:aws:sts::123456789012:user/moto")
        let volumes = try await f.client().query(.ec2, action: "DescribeVolumes", version: "2016-11-15",
                                                 [("Filter.1.Name", "attachment.instance-id"), ("Filter.1.Value.1", id)])
        XCTAssertEqual(volumes.text("volumeSet/item/size"), "30")
        XCTAssertEqual(volumes.text("volumeSet/item/tagSet/item/key").map { ["Name", "OwnerArn", "PriceTracking", "Timeout", "analysis"].contains($0) }, true)

        let ls = try f.bpctl(["ls"])
        XCTAssertEqual(ls.status, 0, ls.stderr)
        let row = try XCTUnwrap(ls.stdout.split(separator: "\n").first { $0.contains(id) })
        XCTAssertTrue(row.hasPrefix("*"), ls.stdout)
        XCTAssertTrue(row.contains("one") && row.contains("running") && row.contains("first try") && row.contains(i.publicIP ?? "?"), ls.stdout)

        XCTAssertEqual(try f.bpctl(["select", "-n", "one"]).status, 0)
        XCTAssertEqual(try f.bpctl(["ip"]).stdout, (i.publicIP ?? "?") + "\n")
        XCTAssertEqual(try f.bpctl(["extend", "-m", "30"]).status, 0)
        let extended = try await ec2.describeDevInstances(filters: ["instance-id": [id]]).first
        XCTAssertEqual(extended?.tags["Timeout"], "90")
        let lifetime = try f.bpctl(["lifetime"])
        XCTAssertTrue(lifetime.stdout.contains("Will be stopped in 89 minutes") || lifetime.stdout.contains("Will be stopped in 90 minutes"), lifetime.stdout)

        // A job: the request SSM recorded is the COMMAND filled as the job manager fills it.
        try await f.put("debuggers/inputs/data.zip")
        try await f.put("debuggers/configs/config.yaml")
        let submit = try f.writeSubmit(#"{"dataname": "debuggers/inputs/data.zip", "configname": "debuggers/configs/config.yaml", "timestamp": "t1"}"#)
        let sent = try f.bpctl(["submit", "-s", submit])
        XCTAssertEqual(sent.status, 0, sent.stderr)
        let commandID = sent.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let recorded = try await SSM(f.client()).listCommand(commandID)
        let expected = "cd /home/ubuntu; neurocaas_contrib/run_main_cli.sh \"\(f.pipeline)\" \"debuggers/inputs/data.zip\" "
            + "\"results/job__\(f.pipeline)_t1\" \"debuggers/configs/config.yaml\" ./run.sh; . neurocaas_contrib/ncap_utils/workflow.sh; cleanup"
        XCTAssertEqual(recorded?.documentName, "AWS-RunShellScript")
        XCTAssertEqual(recorded?.parameters["commands"], [expected])
        XCTAssertEqual(recorded?.parameters["workingDirectory"], ["~/bin"])
        XCTAssertEqual(recorded?.parameters["executionTimeout"], ["172000"])
        XCTAssertEqual(recorded?.outputBucket, f.pipeline)
        let status = try await S3(f.client()).getObject(bucket: f.pipeline, key: "debuggers/results/job__\(f.pipeline)_t1/logs/DATASET_NAME:data.zip_STATUS.txt")
        XCTAssertTrue(String(decoding: status, as: UTF8.self).contains("\"status\": \"INITIALIZING\""))
        let jobStatus = try f.bpctl(["status"])
        XCTAssertEqual(jobStatus.status, 0, jobStatus.stderr)
        XCTAssertEqual(jobStatus.stdout, "Success\n", "moto reports every command as Success")
        XCTAssertTrue(jobStatus.stderr.contains(commandID))
        XCTAssertEqual(try f.bpctl(["output"]).status, 0)
        XCTAssertEqual(try f.bpctl(["status", "-j", "3"]).status, 2)

        XCTAssertTrue(try f.bpctl(["stop"]).stdout.contains("stopped"))
        // Wrong state: each refused with exit 3 and what to do instead.
        for (args, text) in [(["stop"], "cannot stop it: instance \(id) is stopped"), (["ip"], "has no public IP"),
                             (["lifetime"], "start it with start-devinstance"), (["submit", "-s", submit], "cannot submit a job")] {
            let r = try f.bpctl(args)
            XCTAssertEqual(r.status, 3, args.joined(separator: " "))
            XCTAssertTrue(r.stderr.contains(text), r.stderr)
        }
        let start = try f.bpctl(["start", "--timeout", "45"])
        XCTAssertTrue(start.stdout.contains("running"), start.stdout + start.stderr)
        let restarted = try await ec2.describeDevInstances(filters: ["instance-id": [id]])
        XCTAssertEqual(restarted.first?.tags["Timeout"], "45", "start resets the lifetime")

        let refused = try f.bpctl(["terminate"])
        XCTAssertEqual(refused.status, 3)
        XCTAssertTrue(refused.stderr.contains("no AMI has been saved"), refused.stderr)
        XCTAssertTrue(refused.stderr.contains("--force"), refused.stderr)

        // create-devami + update-blueprint through the applier's AMI path.
        try f.initRepository()
        let original = try String(contentsOf: f.blueprint, encoding: .utf8)
        let saved = try f.bpctl(["create-devami", "-n", "dev-\(f.pipeline)"])
        XCTAssertEqual(saved.status, 0, saved.stderr)
        let image = try XCTUnwrap(try state(f).member(id)?.amis.last)
        XCTAssertTrue(saved.stdout.contains("\(image) (dev-\(f.pipeline)) is available"), saved.stdout)
        let tags = try await f.client().query(.ec2, action: "DescribeImages", version: "2016-11-15", [("ImageId.1", image)])
        XCTAssertTrue(tags.descendants("item").contains { $0.text("key") == "bpctl:source-instance" && $0.text("value") == id })
        XCTAssertTrue(tags.descendants("item").contains { $0.text("key") == "bpctl:pipeline" && $0.text("value") == f.pipeline })
        let updated = try f.bpctl(["update-blueprint", "-m", "first image"])
        XCTAssertEqual(updated.status, 0, updated.stderr)
        XCTAssertEqual(try String(contentsOf: f.blueprint, encoding: .utf8), original.replacingOccurrences(of: "ami-03cf127a", with: image),
                       "only the AMI's bytes change")
        let log = try f.git("log", "--format=%s", "-3")
        XCTAssertTrue(log.hasPrefix("automatic commit to document pipeline stack_config_template.json after update at "), log)
        XCTAssertTrue(log.contains("Purpose: first image. AMI: \(image)"), log)
        XCTAssertTrue(log.contains("before update at"), log)
        XCTAssertEqual(try f.bpctl(["update-blueprint"]).stdout, "Blueprint already up to date, aborting new commit.\n")

        let terminated = try f.bpctl(["terminate"])
        XCTAssertEqual(terminated.status, 0, "an AMI was saved from this instance: " + terminated.stderr)
        let gone = try await ec2.describeDevInstances(filters: ["instance-id": [id]])
        XCTAssertEqual(gone.first?.state, "terminated")
        XCTAssertEqual(try state(f).instances, [])
        XCTAssertNil(try state(f).selected)
    }

    func testWholeLoopThroughNeurocaasContribRemote() async throws {
        let f = try await fixture()
        let launch = try f.contrib(["launch-devinstance", "-n", "one", "-d", "desc", "-t", "60", "-a", "dlami18"])
        XCTAssertEqual(launch.status, 0, launch.stderr)
        XCTAssertTrue(launch.stdout.contains("instance running at "), launch.stdout)
        XCTAssertTrue(FileManager.default.fileExists(atPath: f.statePath), "state next to the configured analysis's blueprint")
        let id = try XCTUnwrap(try state(f).selected)
        let second = try f.contrib(["launch-devinstance", "--name", "two", "--amiid", "ubuntu16"])
        XCTAssertEqual(second.status, 0, second.stderr)
        let list = try f.contrib(["list-instances"])
        XCTAssertTrue(list.stdout.split(separator: "\n").contains { $0.hasPrefix("*") && $0.contains("two") }, list.stdout)
        XCTAssertEqual(try f.contrib(["select-instance", "-i", id]).status, 0)
        XCTAssertEqual(try f.contrib(["select-instance", "--instance_id", id]).status, 0)
        XCTAssertEqual(try f.contrib(["select-instance", "-n", "one"]).status, 0, "re-selecting the selected instance by name works")
        XCTAssertFalse(try f.contrib(["get-ip"]).stdout.isEmpty)
        XCTAssertEqual(try f.contrib(["extend-timeout", "-m", "15"]).status, 0)
        XCTAssertTrue(try f.contrib(["get-timeout"]).stdout.contains("Will be stopped in 7"))
        XCTAssertTrue(try f.contrib(["get-lifetime"]).stdout.contains("Instance has been on for"))

        try await f.put("debuggers/inputs/data.zip")
        try await f.put("debuggers/configs/config.yaml")
        let submit = try f.writeSubmit(#"{"dataname": "debuggers/inputs/data.zip", "configname": "debuggers/configs/config.yaml", "timestamp": 42}"#)
        let sent = try f.contrib(["submit-job", "-s", submit])
        XCTAssertEqual(sent.status, 0, sent.stderr)
        XCTAssertTrue(sent.stderr.contains("results/job__\(f.pipeline)_42"), sent.stderr)
        XCTAssertEqual(try f.contrib(["job-status"]).stdout, "Success\n")
        XCTAssertEqual(try f.contrib(["job-output", "-j", "0"]).status, 0)

        XCTAssertEqual(try f.contrib(["stop-devinstance"]).status, 0)
        XCTAssertEqual(try f.contrib(["start-devinstance"]).status, 0)
        let noAMI = try f.contrib(["update-blueprint", "-m", "x"])
        XCTAssertEqual(noAMI.status, 3)
        XCTAssertTrue(noAMI.stderr.contains("There is no record of an AMI"), noAMI.stderr)
        let saved = try f.contrib(["create-devami", "-n", "img-\(f.pipeline)"])
        XCTAssertEqual(saved.status, 0, saved.stderr)
        let noGit = try f.contrib(["update-blueprint", "-m", "x"])
        XCTAssertEqual(noGit.status, 1)
        XCTAssertTrue(noGit.stderr.contains("is not in a git repository"), noGit.stderr)
        let kept = try f.contrib(["terminate-devinstance", "-f", "False"])
        XCTAssertEqual(kept.status, 0, "an AMI was saved from this instance: " + kept.stderr)
        XCTAssertEqual(try f.contrib(["select-instance", "-n", "two"]).status, 0)
        XCTAssertEqual(try f.contrib(["terminate-devinstance"]).status, 3)
        XCTAssertEqual(try f.contrib(["terminate-devinstance", "--force", "True"]).status, 0)
        XCTAssertEqual(try state(f).instances, [])
    }

    func testPoolLimitIsFourPerAnalysis() async throws {
        let f = try await fixture()
        let s = try await DevSession.open(blueprint: f.blueprint.path, client: f.client())
        for n in 1...4 { _ = try await s.launch(LaunchRequest(name: "i\(n)", noWait: true)) }
        let fifth = try f.bpctl(["launch", "-n", "i5", "--no-wait"])
        XCTAssertEqual(fifth.status, 3)
        XCTAssertTrue(fifth.stderr.contains("already has 4 dev instances"), fifth.stderr)
        XCTAssertTrue(fifth.stderr.contains("hint: terminate one"), fifth.stderr)
        let assign = try f.contrib(["assign-instance", "-i", "i-0123456789abcdef0"])
        XCTAssertEqual(assign.status, 3, assign.stderr)
        let running = try await EC2(f.client()).describeDevInstances(filters: ["tag:analysis": [f.pipeline]])
        XCTAssertEqual(running.count, 4, "the refused launch made no instance")
    }

    func testUnknownInstanceNameOrID() async throws {
        let f = try await fixture()
        XCTAssertEqual(try f.bpctl(["launch", "-n", "alpha", "--no-wait"]).status, 0)
        let byName = try f.bpctl(["select", "-n", "beta"])
        XCTAssertEqual(byName.status, 2)
        XCTAssertTrue(byName.stderr.contains("no instance named 'beta'"), byName.stderr)
        XCTAssertTrue(byName.stderr.contains("(alpha)"), "the hint lists the pool: " + byName.stderr)
        let byID = try f.contrib(["select-instance", "-i", "i-00000000000000000"])
        XCTAssertEqual(byID.status, 2)
        let neither = try f.contrib(["select-instance"])
        XCTAssertEqual(neither.status, 2)
        // The Python tool's top-level --location/-a name the analysis instead of the config file.
        try FileManager.default.removeItem(at: f.home.appendingPathComponent(".neurocaas_contrib_config.json"))
        let byRoot = try runProcess(DevFixture.binary("neurocaas-contrib"),
                                    ["--location", f.dir.deletingLastPathComponent().path, "-a", f.pipeline, "remote", "list-instances"],
                                    environment: f.environment, directory: f.home)
        XCTAssertEqual(byRoot.status, 0, byRoot.stderr)
        XCTAssertTrue(byRoot.stdout.contains("alpha"), byRoot.stdout)
        let noAnalysis = try runProcess(DevFixture.binary("neurocaas-contrib"), ["remote", "list-instances"], environment: f.environment, directory: f.home)
        XCTAssertEqual(noAnalysis.status, 2)
        XCTAssertTrue(noAnalysis.stderr.contains("no analysis"), noAnalysis.stderr)
        let assign = try f.bpctl(["assign", "-i", "i-0123456789abcdef0", "-n", "x"])
        XCTAssertEqual(assign.status, 2, assign.stderr)
        XCTAssertTrue(assign.stderr.contains("no instance i-0123456789abcdef0"), assign.stderr)
        XCTAssertFalse(byName.stderr.contains("Fatal error") || assign.stderr.contains("Fatal error"))
        let forced = try f.bpctl(["terminate", "--force"])
        XCTAssertEqual(forced.status, 0, forced.stderr)
        XCTAssertEqual(try state(f).instances, [])
    }

    func testInstanceTerminatedBehindTheToolsBackIsRepaired() async throws {
        let f = try await fixture()
        XCTAssertEqual(try f.bpctl(["launch", "-n", "gone", "--no-wait"]).status, 0)
        XCTAssertEqual(try f.bpctl(["launch", "-n", "kept", "--no-wait"]).status, 0)
        let gone = try XCTUnwrap(try state(f).instances.first { $0.name == "gone" }?.id)
        XCTAssertEqual(try f.bpctl(["select", "-n", "gone"]).status, 0)
        try await EC2(f.client()).terminateInstances([gone])

        let ls = try f.bpctl(["ls"])
        XCTAssertEqual(ls.status, 0)
        XCTAssertTrue(ls.stderr.contains("instance \(gone) (gone) no longer exists (terminated)"), ls.stderr)
        XCTAssertTrue(ls.stderr.contains("no instance is selected now"), ls.stderr)
        XCTAssertFalse(ls.stdout.contains(gone))
        XCTAssertTrue(ls.stdout.contains("kept"))
        XCTAssertEqual(try state(f).instances.map(\.name), ["kept"], "the repair is saved")
        let ip = try f.contrib(["get-ip"])
        XCTAssertEqual(ip.status, 3)
        XCTAssertTrue(ip.stderr.contains("no dev instance is selected"), ip.stderr)
        XCTAssertTrue(ip.stderr.contains("select-instance"), ip.stderr)

        // Gone from EC2 altogether (terminated long ago): dropped too, unless added moments ago
        // (EC2 may not list a new instance yet).
        let store = DevStateStore(blueprintDirectory: f.dir.path)
        var s = try store.load()
        s.instances.append(.init(id: "i-00000000000000001", name: "old", description: nil, origin: "assigned", added: Date(timeIntervalSince1970: 0)))
        s.instances.append(.init(id: "i-00000000000000002", name: "new", description: nil, origin: "launched", added: Date()))
        try store.save(s)
        nonisolated(unsafe) var notes: [String] = []
        let session = try await DevSession.open(blueprint: f.blueprint.path, client: f.client(), options: DevOptions(log: { notes.append($0) }))
        XCTAssertEqual(session.state.instances.map(\.name), ["kept", "new"])
        XCTAssertEqual(notes, ["note: instance i-00000000000000001 (old) no longer exists (unknown to EC2); removed it from this analysis's pool"])
    }

    func testBadSubmitFiles() async throws {
        let f = try await fixture()
        XCTAssertEqual(try f.bpctl(["launch", "-n", "j"]).status, 0)
        try await f.put("debuggers/inputs/data.zip")
        try await f.put("debuggers/configs/config.yaml")

        let missing = try f.writeSubmit("{\n  \"dataname\": \"debuggers/inputs/data.zip\",\n  \"configname\": \"debuggers/configs/config.yaml\"\n}\n")
        let r1 = try f.bpctl(["submit", "-s", missing])
        XCTAssertEqual(r1.status, 2)
        XCTAssertTrue(r1.stderr.contains("\(missing):1:1: the submit file has no \"timestamp\""), r1.stderr)
        XCTAssertTrue(r1.stderr.contains("hint: add \"timestamp\""), r1.stderr)

        let absent = try f.writeSubmit("{\"dataname\": \"debuggers/inputs/nothere.zip\",\n \"configname\": \"debuggers/configs/config.yaml\", \"timestamp\": \"t\"}")
        let r2 = try f.contrib(["submit-job", "-s", absent])
        XCTAssertEqual(r2.status, 1)
        XCTAssertTrue(r2.stderr.contains("\(absent):1:14: s3://\(f.pipeline)/debuggers/inputs/nothere.zip does not exist"), r2.stderr)
        XCTAssertTrue(r2.stderr.contains("aws s3 cp"), r2.stderr)

        let notJSON = try f.writeSubmit("{\"dataname\": ")
        XCTAssertEqual(try f.bpctl(["submit", "-s", notJSON]).status, 2)

        // COMMAND with three placeholders: reported at COMMAND in the blueprint, nothing sent.
        try f.writeBlueprint(command: #"run.sh \"{}\" \"{}\" \"{}\""#)
        let good = try f.writeSubmit(#"{"dataname": "debuggers/inputs/data.zip", "configname": "debuggers/configs/config.yaml", "timestamp": "t"}"#)
        let r3 = try f.bpctl(["submit", "-s", good])
        XCTAssertEqual(r3.status, 1)
        XCTAssertTrue(r3.stderr.contains("stack_config_template.json:16:24: COMMAND has 3 placeholders; the job manager fills 4"), r3.stderr)
        XCTAssertEqual(try state(f).jobs, [], "no job recorded")
        let r4 = try f.bpctl(["status"])
        XCTAssertEqual(r4.status, 3)
        XCTAssertTrue(r4.stderr.contains("no job has been submitted"), r4.stderr)
    }

    /// Reading state makes one DescribeInstances call, whatever the pool size.
    func testOpeningASessionMakesOneDescribeInstances() async throws {
        let f = try await fixture()
        let s = try await DevSession.open(blueprint: f.blueprint.path, client: f.client())
        for n in 1...3 { _ = try await s.launch(LaunchRequest(name: "n\(n)", noWait: true)) }
        let counter = CountingTransport()
        let again = try await DevSession.open(blueprint: f.blueprint.path, client: f.client(transport: counter))
        XCTAssertEqual(counter.count("DescribeInstances"), 1)
        XCTAssertEqual(again.rows().count, 3)
        XCTAssertTrue(again.rows().allSatisfy { $0.state == "running" || $0.state == "pending" })
        XCTAssertEqual(counter.count("DescribeInstances"), 1, "listing uses the state already read")
    }

    func testAliasLookedUpOutsideTheTable() async throws {
        let f = try await fixture(region: "us-west-2")
        let s = try await DevSession.open(blueprint: f.blueprint.path, client: f.client())
        let r = try await AMIAliases.resolve("ubuntu16", region: "us-west-2", ec2: s.ec2)
        let expected = try await s.ec2.describeDevImages(owners: ["099720109477"], namePattern: "ubuntu/images/hvm-ssd/ubuntu-xenial-16.04-amd64-server-*")
        XCTAssertEqual(r?.how, "lookup")
        XCTAssertEqual(r?.id, expected.max { $0.creationDate < $1.creationDate }?.id)
        do {
            _ = try await AMIAliases.resolve("dlami18", region: "us-west-2", ec2: s.ec2)
            XCTFail("moto has no Ubuntu 18.04 Deep Learning AMI")
        } catch let e as DevError {
            XCTAssertEqual(e.exitCode, 2)
            XCTAssertTrue(e.message.contains("no dlami18 image in us-west-2"), e.message)
        }
        let notAnAMI = try f.bpctl(["launch", "--amiid", "ubuntu22", "--no-wait"])
        XCTAssertEqual(notAnAMI.status, 2)
        XCTAssertTrue(notAnAMI.stderr.contains("neither an AMI id nor one of ubuntu18"), notAnAMI.stderr)
    }

    func testBlueprintAMIThatDoesNotExistIsReportedAtItsLine() async throws {
        let f = try await fixture()
        let text = try String(contentsOf: f.blueprint, encoding: .utf8).replacingOccurrences(of: "ami-03cf127a", with: "ami-0000000000000dead")
        try Data(text.utf8).write(to: f.blueprint)
        let r = try f.bpctl(["launch", "--no-wait"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("stack_config_template.json:9:20: the blueprint's AMI ami-0000000000000dead does not exist in us-east-1"), r.stderr)
    }

    func testReapAndAccountWideList() async throws {
        let f = try await fixture()
        let s = try await DevSession.open(blueprint: f.blueprint.path, client: f.client())
        let l = try await s.launch(LaunchRequest(name: "late", timeoutMinutes: 1, noWait: true))
        let id = l.instance.id
        let later = Date().addingTimeInterval(3600)
        let dryRun = try await DevFleet(client: f.client(), now: { later }).reap(stop: false)
        XCTAssertTrue(dryRun.contains { $0.instance.id == id })
        let untouched = try await s.ec2.describeDevInstances(filters: ["instance-id": [id]])
        XCTAssertEqual(untouched.first?.state, "running", "no --yes, no stop")
        let now = try await DevFleet(client: f.client()).reap(stop: false)
        XCTAssertFalse(now.contains { $0.instance.id == id }, "not overdue yet")
        _ = try await DevFleet(client: f.client(), now: { later }).reap(stop: true)
        let stopped = try await s.ec2.describeDevInstances(filters: ["instance-id": [id]]).first?.state
        XCTAssertTrue(["stopping", "stopped"].contains(stopped ?? ""), stopped ?? "")

        let all = try f.bpctl(["ls", "--all"])
        XCTAssertEqual(all.status, 0, all.stderr)
        let row = try XCTUnwrap(all.stdout.split(separator: "\n").first { $0.contains(id) })
        XCTAssertTrue(row.contains(f.pipeline) && row.contains("user/moto") && row.contains("late"), String(row))
        XCTAssertTrue(all.stdout.contains("so far in the current runs"))
        XCTAssertEqual(try f.bpctl(["reap"]).status, 0)
    }
}
