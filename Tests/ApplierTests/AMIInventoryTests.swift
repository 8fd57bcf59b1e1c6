import Applier
import AWSClient
import Foundation
import TestSupport
import XCTest

/// `ami list` and `prune` against moto: references from the working tree and from git history,
/// and only images no blueprint ever named are pruned.
final class AMIInventoryTests: XCTestCase {
    nonisolated(unsafe) static var moto: LocalServer?
    override class func setUp() { super.setUp(); moto = try? LocalServer.moto() }
    override class func tearDown() { moto?.stop(); super.tearDown() }

    func testListShowsReferencesAndPruneTakesOnlyUnreferencedImages() async throws {
        guard let moto = Self.moto else { throw XCTSkip("moto_server is not installed") }
        let client = AWSClient(environment: testEnvironment(endpoint: moto.endpoint), region: "us-east-1", retry: RetryPolicy(maxAttempts: 1))
        let ec2 = EC2(client)
        let amazon = try await ec2.describeImages(owners: ["amazon"])
        let instances = try await ec2.runInstances(imageID: try XCTUnwrap(amazon.first?.id), type: "t2.micro")
        let instance = try XCTUnwrap(instances.first)
        let repo = try BlueprintRepo()
        var request = AMIUpdate.Request(instanceID: instance, blueprint: repo.path, message: "first")
        request.pollInterval = 0.05
        let first = try await AMIUpdate.createAndRecord(request, client: client).imageID
        request.message = "second"
        let second = try await AMIUpdate.createAndRecord(request, client: client).imageID
        // An image tagged for the pipeline that no blueprint ever named (a discarded experiment).
        let stray = try await ec2.createImage(instanceID: instance, name: "stray-\(repo.pipeline)", description: nil,
                                              tags: [AMIUpdate.Tag.pipeline: repo.pipeline])
        // Another pipeline's blueprint in the same repository names the stray image: it is kept.
        let other = try await ec2.createImage(instanceID: instance, name: "other-\(repo.pipeline)", description: nil,
                                              tags: [AMIUpdate.Tag.pipeline: repo.pipeline])
        try repo.git.commit(["ncap_iac/ncap_blueprints/other/stack_config_template.json": BlueprintRepo.json(pipeline: "other", ami: other)],
                            message: "other analysis")

        let entries = try await AMIInventory.list(pipeline: repo.pipeline, blueprint: repo.path, client: client)
        let byID = Dictionary(uniqueKeysWithValues: entries.map { ($0.id, $0) })
        XCTAssertEqual(Set(byID.keys), [first, second, stray, other, "ami-00000000000000001"])
        XCTAssertEqual(byID[second]?.references.map(\.path), [repo.relative])
        XCTAssertTrue(byID[second]?.inWorkingTree ?? false)
        XCTAssertEqual(byID[first]?.references.count, 1)
        XCTAssertNotNil(byID[first]?.references.first?.commit, "the first image is referenced by history only")
        XCTAssertEqual(byID[other]?.references.map(\.path), ["ncap_iac/ncap_blueprints/other/stack_config_template.json"])
        XCTAssertNil(byID["ami-00000000000000001"]?.image, "the initial AMI does not exist in moto")
        XCTAssertEqual(entries.filter(\.prunable).map(\.id), [stray])
        let table = AMIInventory.renderText(entries, pipeline: repo.pipeline)
        XCTAssertTrue(table.contains("\(stray)  available") && table.contains("(none: prunable)"), table)

        let results = await AMIInventory.prune([stray], client: client)
        XCTAssertNil(results.first?.1)
        let after = try await AMIInventory.list(pipeline: repo.pipeline, blueprint: repo.path, client: client)
        XCTAssertFalse(after.contains { $0.id == stray && $0.image?.state == "available" })
        XCTAssertTrue(after.contains { $0.id == first }, "history-referenced images are never pruned")
    }
}
