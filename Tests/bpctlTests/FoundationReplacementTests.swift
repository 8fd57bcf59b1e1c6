import ArgumentParser
import AWSClient
@testable import BPCtlCommands
import Foundation
import PlatformSupport
import XCTest

/// What the front's code does without swift-corelibs-foundation, compared with what Foundation
/// did: NSString's standardizingPath (input deduplication), the region-code regex, PathCheck's
/// ObjCBool FileManager calls, FileHandle reads and writes.
final class FoundationReplacementTests: XCTestCase {
    private func tempDir() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bpctl-repl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return dir.resolvingSymlinksInPath()
    }

    func testStandardizingMatchesNSString() throws {
        let dir = try tempDir().path
        let fm = FileManager.default
        try fm.createDirectory(atPath: dir + "/a/b/c", withIntermediateDirectories: true)
        try Data("{}".utf8).write(to: URL(fileURLWithPath: dir + "/a/b/f.json"))
        try fm.createSymbolicLink(atPath: dir + "/abs", withDestinationPath: dir + "/a/b")
        try fm.createSymbolicLink(atPath: dir + "/a/rel", withDestinationPath: "b/c")
        try fm.createSymbolicLink(atPath: dir + "/a/up", withDestinationPath: "..")
        try fm.createSymbolicLink(atPath: dir + "/chain", withDestinationPath: dir + "/abs")
        try fm.createSymbolicLink(atPath: dir + "/dangling", withDestinationPath: dir + "/nothing")
        try fm.createSymbolicLink(atPath: dir + "/loop1", withDestinationPath: dir + "/loop2")
        try fm.createSymbolicLink(atPath: dir + "/loop2", withDestinationPath: dir + "/loop1")
        try fm.createSymbolicLink(atPath: dir + "/file", withDestinationPath: "a/b/f.json")
        var paths = ["", "/", "//", ".", "..", "./", "a", "a/", "a//b/", "/tmp", "/tmp/", "/tmp/../tmp/./x", "~", "~/", "~/x/../y",
                     "~root", "~root/x", "~nosuchuser-bpctl/x", "~nosuchuser-bpctl", "/private", "/private/tmp", "/privatetmp",
                     "/var/automount", "/var/automount/tmp", "/var/automountx", "/proc/self/cwd/x", "relative/../x", "x/./y//z/"]
        for rest in ["a/b/f.json", "abs/f.json", "abs/../abs/f.json", "a/rel", "a/rel/", "a/rel/../f.json", "a/up/a/b", "a/up/../x",
                     "chain/f.json", "chain", "dangling", "dangling/x", "loop1", "loop1/x", "file", "a/b/c/../../b/./f.json", "nothing/..",
                     "a/b/../../abs//f.json/", "a/ré/x", "a/e\u{301}/x"] {
            paths.append(dir + "/" + rest)
            paths.append("/private" + dir + "/" + rest)
        }
        for path in paths {
            XCTAssertEqual(PathText.standardizing(path), (path as NSString).standardizingPath, String(reflecting: path))
        }
        // Relative paths resolve their symbolic links against the working directory, and a
        // relative link target is given to realpath(3) as corelibs does.
        let cwd = fm.currentDirectoryPath
        XCTAssertTrue(fm.changeCurrentDirectoryPath(dir))
        defer { _ = fm.changeCurrentDirectoryPath(cwd) }
        for path in ["abs/f.json", "a/rel/x", "a/up/a", "file", "./a/../abs", "a/../../x", "dangling"] {
            XCTAssertEqual(PathText.standardizing(path), (path as NSString).standardizingPath, path)
        }
    }

    func testRegionCodeMatchesTheRegex() {
        var codes = ["us-east-1", "us-gov-west-1", "us-gov-1", "us-iso-east-1", "us-isob-east-1", "us-isoB-east-1", "cn-north-1",
                     "eu-central-12", "", "u-east-1", "use-east-1", "us-east", "us-east-", "us--1", "-us-east-1", "us-east-1-",
                     "US-east-1", "us-east-1a", "us-ea5t-1", "us-gov-west-", "us-foo-bar-1", "us-iso-1", "us-east-1\n", "us-east-1\r\n",
                     "us-east-1\n\n", "us-east-1\r", "us-east-1\u{2028}", "us-east-1\u{85}", "us-east-1\u{0B}", "us-east-1 ", "\nus-east-1",
                     "us-east-١", "ús-east-1", "us-east-1\u{301}", "us-gov-west-1\r\n"]
        // And every string over a small alphabet up to length 7 that has the pattern's shape.
        let alphabet = ["a", "b", "-", "1", "\n"]
        var frontier = [""]
        for _ in 0..<6 {
            frontier = frontier.flatMap { s in alphabet.map { s + $0 } }
            codes += frontier.map { "us" + $0 }
        }
        for code in codes {
            let regex = code.range(of: #"^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-[0-9]+$"#, options: .regularExpression) != nil
            XCTAssertEqual(RegionCode.isWellFormed(code), regex, String(reflecting: code))
        }
        XCTAssertTrue(RegionCode.isWellFormed("us-east-1"))
        XCTAssertFalse(RegionCode.isWellFormed("nowhere"))
    }

    /// PathCheck used FileManager's ObjCBool overload; the Bool one must decide the same.
    func testPathCheckMatchesTheObjCBoolFileManager() throws {
        let dir = try tempDir().path
        try Data("x".utf8).write(to: URL(fileURLWithPath: dir + "/f"))
        try FileManager.default.createSymbolicLink(atPath: dir + "/dangling", withDestinationPath: dir + "/nothing")
        try FileManager.default.createSymbolicLink(atPath: dir + "/dirlink", withDestinationPath: dir)
        func before(_ path: String, _ kind: PathCheck.Kind) -> String? {
            var isDir: ObjCBool = false
            let shown = String(reflecting: path)
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
                return "--x \(shown): no such \(kind == .directory ? "directory" : "file or directory")"
            }
            if kind == .directory && !isDir.boolValue { return "--x \(shown): not a directory" }
            if kind == .file && isDir.boolValue { return "--x \(shown): is a directory, not a file" }
            return FileManager.default.isReadableFile(atPath: path) ? nil : "--x \(shown): permission denied"
        }
        for path in ["", dir, dir + "/", dir + "/f", dir + "/f/", dir + "/nothing", dir + "/dangling", dir + "/dirlink", "/dev/null", "/proc/self"] {
            for kind in [PathCheck.Kind.file, .directory, .any] {
                var now: String?
                do { try PathCheck.require(path, flag: "--x", is: kind) } catch let error as ValidationError { now = error.message }
                XCTAssertEqual(now, before(path, kind), "\(path) \(kind)")
            }
        }
    }

    func testDescriptorIOReadsAndWritesWhole() throws {
        var fds: [Int32] = [0, 0]
        XCTAssertEqual(pipe(&fds), 0)
        let text = String(repeating: "bpctl é\n", count: 20_000) // more than a pipe buffer
        let (readEnd, writeEnd) = (fds[0], fds[1])
        let writer = Thread { DescriptorIO.write(writeEnd, text); close(writeEnd) }
        writer.start()
        guard case .success(let bytes) = DescriptorIO.readAll(readEnd) else { return XCTFail("read failed") }
        close(readEnd)
        XCTAssertEqual(bytes, Array(text.utf8))
        // A read error is reported with its errno's text, as the validate message shows it.
        let dir = open("/", O_RDONLY)
        defer { close(dir) }
        guard case .failure(let error) = DescriptorIO.readAll(dir) else { return XCTFail("reading a directory failed") }
        XCTAssertEqual(error.description, "Is a directory")
    }
}
