import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
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

/// Sends one HTTP request. Behind a protocol so tests can swap it; production uses libcurl
/// through FoundationNetworking's URLSession.
public protocol HTTPTransport: Sendable {
    func send(_ request: HTTPRequest, timeout: Double) async throws -> HTTPResponse
    /// Like send, but a 2xx body is streamed to a temporary file (large S3 objects); other
    /// bodies are returned in memory for error parsing. Returns the file's path.
    func download(_ request: HTTPRequest, timeout: Double) async throws -> (HTTPResponse, URL?)
}

/// Connection-level failure (no HTTP answer): retried like 5xx.
public struct TransportError: Error, Sendable, CustomStringConvertible {
    public let description: String
}

public final class URLSessionTransport: HTTPTransport, @unchecked Sendable {
    private let session: URLSession

    public init() {
        let config = URLSessionConfiguration.ephemeral
        config.httpShouldSetCookies = false
        config.urlCache = nil
        session = URLSession(configuration: config)
    }

    public func download(_ request: HTTPRequest, timeout: Double) async throws -> (HTTPResponse, URL?) {
        let r = try urlRequest(request, timeout: timeout)
        let (file, response): (URL, URLResponse)
        do {
            (file, response) = try await session.download(for: r)
        } catch {
            throw TransportError(description: (error as NSError).localizedDescription)
        }
        let head = try Self.response(response, body: [])
        if (200..<300).contains(head.status) { return (head, file) }
        let body = (try? Data(contentsOf: file)).map { [UInt8]($0) } ?? []
        try? FileManager.default.removeItem(at: file)
        return (HTTPResponse(status: head.status, headers: head.headers, body: body), nil)
    }

    private func urlRequest(_ request: HTTPRequest, timeout: Double) throws -> URLRequest {
        guard let url = URL(string: request.url) else { throw TransportError(description: "bad URL \(request.url)") }
        var r = URLRequest(url: url, timeoutInterval: timeout)
        r.httpMethod = request.method
        for (k, v) in request.headers where k.lowercased() != "host" { r.setValue(v, forHTTPHeaderField: k) }
        if !request.body.isEmpty || request.method == "POST" || request.method == "PUT" { r.httpBody = Data(request.body) }
        return r
    }

    private static func response(_ response: URLResponse, body: [UInt8]) throws -> HTTPResponse {
        guard let http = response as? HTTPURLResponse else { throw TransportError(description: "not an HTTP response") }
        var headers: [String: String] = [:]
        for (k, v) in http.allHeaderFields {
            if let k = k as? String, let v = v as? String { headers[k.lowercased()] = v }
        }
        return HTTPResponse(status: http.statusCode, headers: headers, body: body)
    }

    public func send(_ request: HTTPRequest, timeout: Double) async throws -> HTTPResponse {
        let r = try urlRequest(request, timeout: timeout)
        let (data, response): (Data, URLResponse)
        do {
            (data, response) = try await session.data(for: r)
        } catch {
            throw TransportError(description: (error as NSError).localizedDescription)
        }
        return try Self.response(response, body: [UInt8](data))
    }
}
