import CCurlLoader
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import PlatformSupport
#if canImport(Glibc)
import Glibc
#endif

/// The production transport: libcurl's easy API (CurlLibrary.swift), one blocking transfer per
/// request on its own thread so the cooperative pool never waits on the network.
public final class CurlTransport: HTTPTransport, Sendable {
    public init() {}

    public func send(_ request: HTTPRequest, timeout: Double) async throws -> HTTPResponse {
        try await run(request, timeout: timeout, toFile: nil).0
    }

    public func download(_ request: HTTPRequest, timeout: Double) async throws -> (HTTPResponse, URL?) {
        try await run(request, timeout: timeout, toFile: FileManager.default.temporaryDirectory)
    }

    public func download(_ request: HTTPRequest, timeout: Double, into directory: URL) async throws -> (HTTPResponse, URL?) {
        try await run(request, timeout: timeout, toFile: directory)
    }

    private func run(_ request: HTTPRequest, timeout: Double, toFile directory: URL?) async throws -> (HTTPResponse, URL?) {
        let library = try CurlLibrary.shared.get()
        return try await withCheckedThrowingContinuation { continuation in
            let started = DetachedThread.start {
                continuation.resume(with: Result { try CurlExchange(library, toFile: directory).perform(request, timeout: timeout) })
            }
            // Foundation's Thread trapped here; a transport error is retried like a refused connection.
            if !started { continuation.resume(throwing: TransportError(description: "cannot start a thread for the request")) }
        }
    }
}

/// The download's file could not be created or written (a full disk, a missing directory):
/// not a network problem, so not retried.
struct LocalFileError: Error, CustomStringConvertible {
    let description: String
}

/// One request/response on one easy handle. The callbacks get this object as their context.
private final class CurlExchange {
    let library: CurlLibrary
    /// Where a 2xx body goes when downloading (created before the transfer, so an empty object
    /// still gives a file).
    let file: (url: URL, fd: Int32)?
    var status = 0
    var headers: [String: String] = [:]
    var body: [UInt8] = []
    var writeFailure: String?

    init(_ library: CurlLibrary, toFile directory: URL?) throws {
        self.library = library
        guard let directory else { file = nil; return }
        let url = directory.appendingPathComponent(".bpctl-download-\(UUID().uuidString)")
        let fd = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw LocalFileError(description: "cannot create \(url.path): \(String(cString: strerror(errno)))") }
        file = (url, fd)
    }

    func perform(_ request: HTTPRequest, timeout: Double) throws -> (HTTPResponse, URL?) {
        var keepFile = false
        defer {
            if let file {
                close(file.fd)
                if !keepFile { unlink(file.url.path) }
            }
        }
        var api = library.api
        let curl = try library.takeHandle()
        defer { library.giveBack(curl) }

        // Exactly the headers that were signed: curl's own Host is the same value, and its
        // defaults (a form Content-Type on bodies, Expect: 100-continue) are switched off.
        var list: UnsafeMutablePointer<curl_slist>?
        defer { api.slist_free_all?(list) }
        var lines = request.headers.filter { $0.0.lowercased() != "host" }.map { "\($0.0): \($0.1)" }
        if request.header("content-type") == nil { lines.append("Content-Type:") }
        lines.append("Expect:")
        for line in lines { list = api.slist_append?(list, line) }

        var errorBuffer = [CChar](repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        let context = Unmanaged.passUnretained(self).toOpaque()
        let hasBody = !request.body.isEmpty || request.method == "POST" || request.method == "PUT"
        let code: CURLcode = request.body.withUnsafeBufferPointer { body in
            errorBuffer.withUnsafeMutableBufferPointer { errors in
                withExtendedLifetime(self) {
                    _ = bp_curl_setopt_string(&api, curl, CURLOPT_URL, request.url)
                    _ = bp_curl_setopt_long(&api, curl, CURLOPT_NOSIGNAL, 1)
                    // Like URLSession's timeoutInterval: a limit on connecting and on silence,
                    // not on the whole transfer (a large download may take minutes).
                    _ = bp_curl_setopt_long(&api, curl, CURLOPT_CONNECTTIMEOUT_MS, Int(timeout * 1000))
                    _ = bp_curl_setopt_long(&api, curl, CURLOPT_LOW_SPEED_LIMIT, 1)
                    _ = bp_curl_setopt_long(&api, curl, CURLOPT_LOW_SPEED_TIME, max(1, Int(timeout.rounded(.up))))
                    _ = bp_curl_setopt_pointer(&api, curl, CURLOPT_HTTPHEADER, list)
                    _ = bp_curl_setopt_pointer(&api, curl, CURLOPT_ERRORBUFFER, errors.baseAddress)
                    _ = bp_curl_setopt_callback(&api, curl, CURLOPT_HEADERFUNCTION, curlHeader)
                    _ = bp_curl_setopt_pointer(&api, curl, CURLOPT_HEADERDATA, context)
                    _ = bp_curl_setopt_callback(&api, curl, CURLOPT_WRITEFUNCTION, curlBody)
                    _ = bp_curl_setopt_pointer(&api, curl, CURLOPT_WRITEDATA, context)
                    switch request.method {
                    case "GET": _ = bp_curl_setopt_long(&api, curl, CURLOPT_HTTPGET, 1)
                    case "HEAD": _ = bp_curl_setopt_long(&api, curl, CURLOPT_NOBODY, 1)
                    case "POST": break
                    default: _ = bp_curl_setopt_string(&api, curl, CURLOPT_CUSTOMREQUEST, request.method)
                    }
                    if hasBody {
                        // Not copied by curl: `body` stays valid until perform returns.
                        _ = bp_curl_setopt_off(&api, curl, CURLOPT_POSTFIELDSIZE_LARGE, body.count)
                        _ = bp_curl_setopt_pointer(&api, curl, CURLOPT_POSTFIELDS, body.baseAddress.map(UnsafeRawPointer.init) ?? UnsafeRawPointer(bp_curl_empty_body()))
                    }
                    return api.easy_perform?(curl) ?? CURLE_FAILED_INIT
                }
            }
        }
        if let writeFailure { throw LocalFileError(description: writeFailure) }
        guard code == CURLE_OK else {
            let detail = cText(errorBuffer)
            throw TransportError(description: detail.isEmpty ? library.message(code) : detail)
        }
        var answered = 0
        _ = bp_curl_response_code(&api, curl, &answered)
        let response = HTTPResponse(status: answered, headers: headers, body: body)
        guard let file, (200..<300).contains(answered) else { return (response, nil) }
        keepFile = true
        return (response, file.url)
    }

    func header(_ line: UnsafeRawBufferPointer) {
        // "\r\n" is one Character in Swift: compare by newline-ness, not by "\r" and "\n".
        var text = Substring(String(decoding: line, as: UTF8.self))
        while text.last?.isNewline == true { text = text.dropLast() }
        if text.hasPrefix("HTTP/") {
            // A new response (after a 1xx interim one): start over.
            status = text.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
            headers = [:]
        } else if let colon = text.firstIndex(of: ":") {
            let name = text[..<colon].lowercased()
            let value = text[text.index(after: colon)...].trimmingWhitespace()
            headers[name] = headers[name].map { "\($0), \(value)" } ?? value
        }
    }

    /// Returns false to abort the transfer.
    func receive(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard let file, (200..<300).contains(status) else {
            body.append(contentsOf: bytes)
            return true
        }
        var rest = bytes[...]
        while !rest.isEmpty {
            let n = rest.withUnsafeBytes { write(file.fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else {
                writeFailure = "cannot write \(file.url.path): \(String(cString: strerror(errno)))"
                return false
            }
            rest = rest.dropFirst(n)
        }
        return true
    }
}

private let curlHeader: bp_curl_data_callback = { data, size, count, context in
    guard let data, let context else { return 0 }
    let exchange = Unmanaged<CurlExchange>.fromOpaque(context).takeUnretainedValue()
    exchange.header(UnsafeRawBufferPointer(start: data, count: size * count))
    return size * count
}

private let curlBody: bp_curl_data_callback = { data, size, count, context in
    guard let context else { return 0 }
    let exchange = Unmanaged<CurlExchange>.fromOpaque(context).takeUnretainedValue()
    return exchange.receive(UnsafeRawBufferPointer(start: data, count: size * count)) ? size * count : 0
}
