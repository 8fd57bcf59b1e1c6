import Foundation
import TestSupport
import XCTest

/// `neurocaas-contrib` is a small front that answers the getters and read-yaml itself and runs
/// `neurocaas-contrib-full`, found beside its real file, for everything else
/// (Sources/neurocaas-contrib/Main.swift). FastPathTests compares their answers; these check the
/// split itself: what the front loads, and the install mistakes a user can make.
final class ContribFrontTests: XCTestCase {
    static var companion: URL { ContribCLITests.binary.deletingLastPathComponent().appendingPathComponent("neurocaas-contrib-full") }

    /// A job whose dataset is fetched, and a YAML file, in a fresh HOME.
    private func job() throws -> (root: URL, env: [String: String]) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("bpctl-front-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("job"), withIntermediateDirectories: true)
        try Data("x".utf8).write(to: root.appendingPathComponent("data.txt"))
        try Data("mode: fast\n".utf8).write(to: root.appendingPathComponent("c.yaml"))
        let env = ["HOME": root.path, "AWS_EC2_METADATA_DISABLED": "true", "PATH": "/usr/bin:/bin"]
        for args in [["workflow", "initialize-job", "-p", root.appendingPathComponent("job").path],
                     ["workflow", "register-dataset", "-l", root.appendingPathComponent("data.txt").path], ["workflow", "get-data", "-f"]] {
            XCTAssertEqual(try runProcess(ContribCLITests.binary, args, environment: env).status, 0, "\(args)")
        }
        return (root, env)
    }

    /// The getters and read-yaml run in one process that loads no swift-corelibs-foundation (its
    /// relocations were most of their start-up); another command execs the companion, which does.
    func testTheFrontAnswersAloneWithoutCorelibsFoundation() throws {
        let (root, env) = try job()
        defer { try? FileManager.default.removeItem(at: root) }
        let corelibs = ["libFoundation.so", "libFoundationInternationalization.so", "lib_FoundationICU.so"]
        func programs(_ stderr: String) -> Int { stderr.components(separatedBy: "initialize program: ").count - 1 }

        for args in [["workflow", "get-dataname"], ["workflow", "get-datapath"], ["workflow", "get-filepath", "-n", "x"],
                     ["scripting", "read-yaml", "-p", root.appendingPathComponent("c.yaml").path, "-f", "mode"]] {
            let (r, libs) = try loadedLibraries(ContribCLITests.binary, args, environment: env)
            guard let libs else { throw XCTSkip("the dynamic loader does not report libraries (not glibc)") }
            XCTAssertEqual(programs(r.stderr), 1, "\(args): the front answered without the companion")
            XCTAssertEqual(libs.filter { corelibs.contains($0) }, [], "\(args)")
        }
        // The control: a command the front does not answer runs the companion, which loads
        // swift-corelibs-foundation when the Swift runtime is dynamic (debug builds).
        let (r, libs) = try loadedLibraries(ContribCLITests.binary, ["--version"], environment: env)
        XCTAssertEqual(r.status, 0)
        XCTAssertEqual(programs(r.stderr), 2, "the front exec'd the companion")
        if let libs, libs.contains("libswiftCore.so") {
            XCTAssertTrue(libs.contains("libFoundation.so"), "the check can see corelibs-foundation: \(libs.sorted())")
        }
    }

    /// `--help` through the front is the companion's, listing every command.
    func testHelpListsEveryCommand() throws {
        let front = try runProcess(ContribCLITests.binary, ["--help"])
        let full = try runProcess(Self.companion, ["--help"])
        XCTAssertEqual(front.status, 0)
        XCTAssertEqual(front.stdout, full.stdout)
        for command in ["workflow", "scripting", "remote", "init", "describe-analyses", "get-blueprint", "monitor"] {
            XCTAssertTrue(front.stdout.contains("  \(command)"), "--help lists \(command):\n\(front.stdout)")
        }
    }

    /// A front copied without its companion still answers the getters, and says for any other
    /// command what is missing and where it looked (exit 1, nothing on stdout).
    func testAFrontWithoutItsCompanionSaysWhatIsMissing() throws {
        let (root, env) = try job()
        defer { try? FileManager.default.removeItem(at: root) }
        let alone = root.appendingPathComponent("bin/neurocaas-contrib")
        try FileManager.default.createDirectory(at: alone.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: ContribCLITests.binary, to: alone)

        let getter = try runProcess(alone, ["workflow", "get-dataname"], environment: env)
        XCTAssertEqual(getter.status, 0, getter.stderr)
        XCTAssertEqual(getter.stdout, "data.txt\n")
        for args in [["workflow", "get-data", "-f"], ["--help"], ["workflow", "get-dataname", "--bogus"]] {
            let r = try runProcess(alone, args, environment: env)
            XCTAssertEqual(r.status, 1, "\(args)")
            XCTAssertEqual(r.stdout, "", "\(args)")
            let missing = root.appendingPathComponent("bin/neurocaas-contrib-full").path
            XCTAssertTrue(r.stderr.hasPrefix("neurocaas-contrib: cannot run "), r.stderr)
            XCTAssertTrue(r.stderr.contains(missing), r.stderr)
            XCTAssertTrue(r.stderr.contains("hint: ") && r.stderr.contains("same folder"), r.stderr)
        }
    }

    /// Installed as a symlink (/usr/local/bin/neurocaas-contrib → the build folder), the front
    /// finds the companion beside its real file, not beside the link.
    func testASymlinkedFrontFindsItsCompanion() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bpctl-front-link-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let link = dir.appendingPathComponent("neurocaas-contrib")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: ContribCLITests.binary)
        let r = try runProcess(link, ["--version"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, try runProcess(Self.companion, ["--version"]).stdout)
    }
}
