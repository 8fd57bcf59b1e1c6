import Foundation
import XCTest
@testable import BlueprintKit

enum TestPaths {
    /// The repository root (this file is Tests/BlueprintKitTests/TestSupport.swift).
    static let repo: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// ../shared beside the checkout (CI lays a copy there), or BPCTL_SHARED.
    static var shared: URL {
        if let env = ProcessInfo.processInfo.environment["BPCTL_SHARED"] { return URL(fileURLWithPath: env) }
        return repo.deletingLastPathComponent().appendingPathComponent("shared")
    }

    static var sharedBlueprints: URL { shared.appendingPathComponent("blueprints") }
}

/// Parse text as a document, failing the test on a parse error.
func document(_ text: String, path: String = "t.json", file: StaticString = #filePath, line: UInt = #line) -> Document? {
    switch Document.parse(path: path, bytes: Array(text.utf8)) {
    case .success(let d): return d
    case .failure(let e):
        XCTFail("parse failed: \(e.error.message) at \(e.error.offset)", file: file, line: line)
        return nil
    }
}

/// The ParseError for text that must not parse.
func parseError(_ bytes: [UInt8], path: String = "t.json", file: StaticString = #filePath, line: UInt = #line) -> (ParseError, SourceFile)? {
    switch Document.parse(path: path, bytes: bytes) {
    case .success: XCTFail("expected a parse error", file: file, line: line); return nil
    case .failure(let e): return (e.error, e.source)
    }
}

/// A temporary directory removed at the end of the test.
func temporaryDirectory(_ test: XCTestCase) throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bpctl-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    test.addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
    return dir
}

func write(_ text: String, to url: URL) throws {
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
}
