#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

public struct HTTPResponse: Sendable {
    public let status: Int
    public let headers: [String: String]
    public let body: [UInt8]

    public init(status: Int, headers: [String: String], body: [UInt8]) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    public var text: String { String(decoding: body, as: UTF8.self) }
}

/// Sends one HTTP request. Behind a protocol so tests can swap it; production uses libcurl's
/// C API, opened on the first request (CurlTransport.swift).
public protocol HTTPTransport: Sendable {
    func send(_ request: HTTPRequest, timeout: Double) async throws -> HTTPResponse
    /// Like send, but a 2xx body is streamed to a temporary file (large S3 objects); other
    /// bodies are returned in memory for error parsing. Returns the file's path.
    func download(_ request: HTTPRequest, timeout: Double) async throws -> (HTTPResponse, URL?)
    /// Like download, with the temporary file in `directory` (the destination's), so moving it
    /// into place is a rename, never a copy across file systems (/tmp may be a small tmpfs).
    func download(_ request: HTTPRequest, timeout: Double, into directory: URL) async throws -> (HTTPResponse, URL?)
}

extension HTTPTransport {
    /// Transports that cannot choose the directory use their own temporary one.
    public func download(_ request: HTTPRequest, timeout: Double, into directory: URL) async throws -> (HTTPResponse, URL?) {
        try await download(request, timeout: timeout)
    }
}

/// Connection-level failure (no HTTP answer): retried like 5xx.
public struct TransportError: Error, Sendable, CustomStringConvertible {
    public let description: String
}

/// The historical name of the default transport (it was URLSession-based); kept so callers that
/// name it keep compiling. New code says `CurlTransport()`.
public typealias URLSessionTransport = CurlTransport
