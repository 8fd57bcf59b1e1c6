import Applier
import BlueprintKit
import Foundation
import PlanFixtures
import Planner
import XCTest

/// What `bpctl apply INPUT` decides before anything changes, without AWS: unreadable inputs,
/// blueprints with errors (refused before any live read), the region the live state is read
/// in, and saved plans checked for staleness (live facts skipped on --resume).
final class ApplyInputTests: XCTestCase {
    /// Live facts of a region with no stack yet, counting the regions asked for.
    final class EmptyRegion: @unchecked Sendable {
        private let lock = NSLock()
        private var asked: [String] = []
        var regions: [String] { lock.withLock { asked } }

        struct Source: LiveSource {
            let region: String
            func read(_ request: ReadRequest, progress: ProgressSink?) async throws -> LiveFacts {
                var facts = LiveFacts(region: region, stackName: request.stackName)
                for user in request.users { facts.users[user] = true }
                return facts
            }
        }

        var source: ApplyInput.LiveSourceForRegion {
            { region in
                self.lock.withLock { self.asked.append(region) }
                return Source(region: region)
            }
        }
    }

    func tempDir() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bpctl-apply-input-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return dir
    }

    /// The refusal `body` throws, nil when it throws nothing.
    func refusal(_ body: () async throws -> Void, line: UInt = #line) async -> ApplyInput.Refusal? {
        do { try await body() } catch let error as ApplyInput.Refusal { return error } catch {
            XCTFail("not a refusal: \(error)", line: line)
        }
        return nil
    }

    func testMissingInputIsAUsageError() async throws {
        let path = try tempDir().appendingPathComponent("nope.json").path
        let error = await refusal { _ = try ApplyInput.read(path) }
        XCTAssertEqual(error?.isUsageError, true)
        XCTAssertEqual(error?.description, "cannot read \(path): no such file or not readable")
    }

    func testBlueprintThatDoesNotParseIsAUsageErrorWithItsPosition() async throws {
        let path = try tempDir().appendingPathComponent("stack_config_template.json").path
        try Data("{\n  \"PipelineName\": \"x\",,\n}".utf8).write(to: URL(fileURLWithPath: path))
        let live = EmptyRegion()
        let error = await refusal {
            _ = try await ApplyInput.planBlueprint(path: path, regionOverride: nil, bpctlVersion: "test", progress: nil, live: live.source)
        }
        XCTAssertEqual(error?.isUsageError, true)
        XCTAssertTrue(error?.description.hasPrefix("\(path):2:") ?? false, error?.description ?? "no refusal")
        XCTAssertEqual(live.regions, [], "nothing is read from AWS for a blueprint that does not parse")
    }

    func testBlueprintWithErrorsIsRefusedBeforeAnyLiveRead() async throws {
        var bp = TestBlueprint(pipeline: "epi-analysis")
        bp.instanceType = "t2.nonsense"
        let path = try bp.write(to: try tempDir())
        let live = EmptyRegion()
        let error = await refusal {
            _ = try await ApplyInput.planBlueprint(path: path, regionOverride: nil, bpctlVersion: "test", progress: nil, live: live.source)
        }
        guard case .invalid(let refused, let report)? = error else { return XCTFail("expected .invalid, got \(String(describing: error))") }
        XCTAssertEqual(refused, path)
        XCTAssertGreaterThan(report.errors, 0)
        XCTAssertEqual(error?.isUsageError, false)
        XCTAssertEqual(live.regions, [])
    }

    func testFreshPlanReadsTheBlueprintRegionOrTheOverride() async throws {
        let path = try TestBlueprint(pipeline: "epi-analysis", region: "us-west-2").write(to: try tempDir())
        let live = EmptyRegion()
        let plan = try await ApplyInput.planBlueprint(path: path, regionOverride: nil, bpctlVersion: "test", progress: nil, live: live.source)
        XCTAssertTrue(plan.hasChanges, "no stack in the region: the analysis is to be created")
        // --region elsewhere: read there, and a missing stack there is a mistake, not a create.
        let elsewhere = await refusal {
            _ = try await ApplyInput.planBlueprint(path: path, regionOverride: "eu-west-1", bpctlVersion: "test", progress: nil, live: live.source)
        }
        guard case .failed(let message)? = elsewhere else { return XCTFail("expected .failed, got \(String(describing: elsewhere))") }
        XCTAssertTrue(message.contains("no stack \"epi-analysis\" in eu-west-1"), message)
        XCTAssertEqual(live.regions, ["us-west-2", "eu-west-1"])
    }

    func testSavedPlanIsRefusedOnceItsBlueprintChanged() async throws {
        let dir = try tempDir()
        let path = try TestBlueprint(pipeline: "epi-analysis").write(to: dir)
        let live = EmptyRegion()
        let plan = try await ApplyInput.planBlueprint(path: path, regionOverride: nil, bpctlVersion: "test", progress: nil, live: live.source)
        let saved = try XCTUnwrap(ApplyInput.savedPlan(Data(plan.json().utf8)), "a plan's JSON reads back as a saved plan")
        XCTAssertNil(ApplyInput.savedPlan(try Data(contentsOf: URL(fileURLWithPath: path))), "a blueprint is not a saved plan")

        let current = await refusal { try await ApplyInput.checkSaved(saved, path: "p.plan", resume: false, live: live.source) }
        XCTAssertNil(current, "unchanged blueprint and unchanged live facts: the plan is current")
        XCTAssertEqual(live.regions.count, 2, "the live facts were read again to compare")

        _ = try TestBlueprint(pipeline: "epi-analysis", instanceType: "t3.micro").write(to: dir)
        let stale = await refusal { try await ApplyInput.checkSaved(saved, path: "p.plan", resume: true, live: live.source) }
        guard case .stale(let named, let reasons)? = stale else { return XCTFail("expected .stale, got \(String(describing: stale))") }
        XCTAssertEqual(named, "p.plan")
        XCTAssertTrue(reasons.contains { if case .blueprintEdited = $0 { return true } else { return false } }, "\(reasons)")
        XCTAssertTrue(stale?.description.hasPrefix("the saved plan p.plan is stale, so it was not applied:\n  - ") ?? false)
        XCTAssertEqual(live.regions.count, 2, "on --resume the live facts are not read")
    }
}
