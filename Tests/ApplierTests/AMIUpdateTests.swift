import Applier
import AWSClient
import BlueprintKit
import Foundation
import TestSupport
import XCTest

/// `ami create` end to end against moto (image, tags, blueprint, commits, journal, lock), with
/// fault injection after every step, and local fakes for what moto cannot do: moto makes every
/// image `available` at once, so an image that goes `failed` or stays `pending` comes from
/// Fixtures/fake_ec2_images.py.
final class AMIUpdateTests: XCTestCase {
    nonisolated(unsafe) static var moto: LocalServer?
    override class func setUp() { super.setUp(); moto = try? LocalServer.moto() }
    override class func tearDown() { moto?.stop(); super.tearDown() }

    func client(_ endpoint: String? = nil) throws -> AWSClient {
        guard let endpoint = endpoint ?? Self.moto?.endpoint else { throw XCTSkip("moto_server is not installed") }
        return AWSClient(environment: testEnvironment(endpoint: endpoint), region: "us-east-1", retry: RetryPolicy(maxAttempts: 1))
    }

    func devInstance(_ client: AWSClient) async throws -> String {
        let ec2 = EC2(client)
        let images = try await ec2.describeImages(owners: ["amazon"])
        let base = try XCTUnwrap(images.first?.id)
        let ids = try await ec2.runInstances(imageID: base, type: "t2.micro")
        return try XCTUnwrap(ids.first)
    }

    func request(_ instance: String, _ repo: BlueprintRepo) -> AMIUpdate.Request {
        var r = AMIUpdate.Request(instanceID: instance, blueprint: repo.path, message: "new model")
        r.pollInterval = 0.05
        r.timeout = 10
        return r
    }

    func testCreateTagWaitAndRecordInTheBlueprint() async throws {
        let client = try client()
        let instance = try await devInstance(client)
        let repo = try BlueprintRepo()
        let head = try repo.git.git("rev-parse", "HEAD")
        let before = try repo.text()
        let lines = LinesBox()
        let outcome = try await AMIUpdate.createAndRecord(request(instance, repo), client: client) { lines.append($0) }
        // The image exists, is available and carries its provenance.
        let details = try await EC2(client).describeImageDetails(ids: [outcome.imageID])
        let image = try XCTUnwrap(details.first)
        XCTAssertEqual(image.state, "available")
        XCTAssertEqual(image.tags["bpctl:pipeline"], repo.pipeline)
        XCTAssertEqual(image.tags["bpctl:blueprint"], repo.relative)
        XCTAssertEqual(image.tags["bpctl:git-head"], head)
        XCTAssertEqual(image.tags["bpctl:source-instance"], instance)
        XCTAssertTrue(image.tags["bpctl:created-by"]?.hasPrefix("arn:aws:") ?? false, "\(image.tags)")
        XCTAssertNotNil(image.tags["bpctl:created-at"].flatMap { ISO8601DateFormatter().date(from: $0) })
        XCTAssertTrue(image.name?.hasPrefix(repo.pipeline + "-") ?? false)
        XCTAssertTrue(lines.all.contains { $0.contains("is available") }, "\(lines.all)")
        // Only the AMI's bytes changed, between two commits.
        XCTAssertEqual(try repo.text(), before.replacingOccurrences(of: "ami-00000000000000001", with: outcome.imageID))
        let log = try repo.log()
        XCTAssertEqual(log.count, 3)
        XCTAssertTrue(log[0].hasSuffix(". Purpose: new model. AMI: \(outcome.imageID)"), log[0])
        XCTAssertTrue(log[1].contains(" before update at "), log[1])
        // The journal says complete, and the lock is gone.
        XCTAssertNotNil(Journal.load(blueprint: repo.path)?.completed)
        XCTAssertEqual(Journal.load(blueprint: repo.path)?.steps.map(\.id), ["create-image", "image-available", "blueprint"])
        XCTAssertNil(ApplyLock.current(blueprint: repo.path))
        let journalText = try String(contentsOfFile: Journal.path(forBlueprint: repo.path), encoding: .utf8)
        XCTAssertFalse(journalText.contains("testing"), "no credentials in the journal")
    }

    /// Stop after each step k in turn, then resume: one image, the same blueprint and history as
    /// an uninterrupted run, nothing done twice.
    func testResumeAfterEveryStepEndsLikeACleanRun() async throws {
        let client = try client()
        for k in 1...3 {
            let instance = try await devInstance(client)
            let repo = try BlueprintRepo()
            let original = try repo.text()
            var stopping = request(instance, repo)
            stopping.stopAfterSteps = k
            do {
                _ = try await AMIUpdate.createAndRecord(stopping, client: client)
                XCTFail("the test switch must stop the run after step \(k)")
            } catch {
                XCTAssertTrue("\(error)".contains("stopped after step \(k)"), "\(error)")
            }
            XCTAssertNil(ApplyLock.current(blueprint: repo.path), "the lock is released when a run stops")
            var resume = request(instance, repo)
            resume.resume = true
            let outcome = try await AMIUpdate.createAndRecord(resume, client: client)
            XCTAssertEqual(outcome.resumedSteps, Array(["create-image", "image-available", "blueprint"].prefix(k)), "k=\(k)")
            let images = try await EC2(client).describeImageDetails(owners: ["self"], filters: ["tag:bpctl:pipeline": [repo.pipeline]])
            XCTAssertEqual(images.map(\.id), [outcome.imageID], "exactly one image, k=\(k)")
            XCTAssertEqual(try repo.text(), original.replacingOccurrences(of: "ami-00000000000000001", with: outcome.imageID), "k=\(k)")
            XCTAssertEqual(try repo.log().count, 3, "two automatic commits, k=\(k)")
        }
    }

    func testSecondRunWhileLockedIsRefused() async throws {
        let client = try client()
        let repo = try BlueprintRepo()
        let lock = try ApplyLock.acquire(blueprint: repo.path, operation: "apply")
        defer { lock.release() }
        do {
            _ = try await AMIUpdate.createAndRecord(request("i-00000000000000000", repo), client: client)
            XCTFail("expected the lock to refuse")
        } catch {
            XCTAssertTrue("\(error)".contains("bpctl force-unlock \(lock.holder.id)"), "\(error)")
        }
        XCTAssertEqual(try repo.log().count, 1)
    }

    func testMissingInstanceChangesNothing() async throws {
        let client = try client()
        let repo = try BlueprintRepo()
        let before = try repo.text()
        do {
            _ = try await AMIUpdate.createAndRecord(request("i-0123456789abcdef0", repo), client: client)
            XCTFail("expected an error")
        } catch {
            XCTAssertTrue("\(error)".contains("i-0123456789abcdef0"), "\(error)")
            XCTAssertTrue("\(error)".contains("stopped before any change"), "\(error)")
        }
        XCTAssertEqual(try repo.text(), before)
        XCTAssertEqual(try repo.log().count, 1)
    }

    func testWrongCredentialsAreOneSentence() async throws {
        // The fake answers every call as AWS does for an unknown access key.
        let server = try LocalServer.fake(["retry", "100", "403", "InvalidClientTokenId"])
        defer { server.stop() }
        let repo = try BlueprintRepo()
        do {
            _ = try await AMIUpdate.createAndRecord(request("i-0123456789abcdef0", repo), client: try client(server.endpoint))
            XCTFail("expected an error")
        } catch {
            XCTAssertTrue("\(error)".contains("InvalidClientTokenId") || "\(error)".contains("not valid"), "\(error)")
            XCTAssertFalse("\(error)".contains("testing"), "no secret in the message")
        }
        XCTAssertEqual(try repo.log().count, 1)
    }

    func testFailedImageIsReportedWithItsReasonAndTheBlueprintIsUntouched() async throws {
        // moto cannot make an image fail: a local fake plays EC2 here.
        let server = try LocalServer.fakeScript("fake_ec2_images.py", ["failed"])
        defer { server.stop() }
        let repo = try BlueprintRepo()
        let before = try repo.text()
        do {
            _ = try await AMIUpdate.createAndRecord(request("i-0fa1e0000000000aa", repo), client: try client(server.endpoint))
            XCTFail("expected the failed image to be reported")
        } catch {
            let text = "\(error)"
            XCTAssertTrue(text.contains("image ami-0fa1ed00000000000 is failed: Client.InternalError: Client error on snapshot"), text)
            XCTAssertTrue(text.contains("after create-image"), "the message says where it stopped: \(text)")
        }
        XCTAssertEqual(try repo.text(), before)
        XCTAssertEqual(try repo.log().count, 1)
        XCTAssertNotNil(Journal.load(blueprint: repo.path)?.error)
    }

    func testTimeoutThenResumeDoesNotCreateASecondImage() async throws {
        // moto's images are available at once: a fake keeps this one pending.
        let server = try LocalServer.fakeScript("fake_ec2_images.py", ["pending"])
        defer { server.stop() }
        let repo = try BlueprintRepo()
        var r = request("i-0fa1e0000000000aa", repo)
        r.timeout = 0.3
        for attempt in 0..<2 {
            r.resume = attempt == 1
            do {
                _ = try await AMIUpdate.createAndRecord(r, client: try client(server.endpoint))
                XCTFail("expected a timeout")
            } catch {
                XCTAssertTrue("\(error)".contains("is still pending after 0 s"), "\(error)")
                XCTAssertTrue("\(error)".contains("--resume"), "\(error)")
            }
        }
        XCTAssertEqual(try server.get("/__count"), "1", "the resumed run waited on the same image")
    }
}

final class LinesBox: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func append(_ s: String) { lock.withLock { lines.append(s) } }
    var all: [String] { lock.withLock { lines } }
}
