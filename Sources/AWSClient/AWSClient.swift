#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import PlatformSupport

/// The one place requests are signed, sent and retried. Per-service calls (STS.swift, …) build
/// requests and read replies; they never touch credentials, signing or retries.
public final class AWSClient: @unchecked Sendable {
    public let environment: AWSEnvironment
    public let region: String
    public let transport: HTTPTransport
    public let retry: RetryPolicy
    public let timeout: Double
    private let chain: CredentialChain
    private var cached: Credentials?
    private let lock = Lock()

    public init(environment: AWSEnvironment = .process, profile: String? = nil, region: String,
                transport: HTTPTransport = CurlTransport(), retry: RetryPolicy? = nil, timeout: Double = 30) {
        self.environment = environment
        self.region = region
        self.transport = transport
        self.retry = retry ?? RetryPolicy(environment: environment)
        self.timeout = timeout
        chain = CredentialChain(environment: environment, profile: profile, transport: transport)
    }

    /// The credentials in use (resolved once).
    public func credentials() async throws -> Credentials {
        if let c = lock.withLock({ cached }) { return c }
        let c = try await chain.resolve()
        lock.withLock { cached = c }
        return c
    }

    public func endpoint(_ service: AWSService) -> Endpoint {
        Endpoint.resolve(service, region: region, environment: environment)
    }

    /// Sign and send, retrying throttling, 5xx and connection errors with backoff. Returns the
    /// successful response; error documents become AWSError.service.
    public func send(_ service: AWSService, method: String, path: String = "/", query: [(String, String)] = [],
                     headers: [(String, String)] = [], body: [UInt8] = []) async throws -> HTTPResponse {
        try await perform(service, method: method, path: path, query: query, headers: headers, body: body) {
            (try await self.transport.send($0, timeout: self.timeout), nil)
        }.0
    }

    /// Like send, with a successful body streamed to a temporary file (the caller moves it),
    /// created in `directory` when given (the destination's, so the move is a rename).
    public func download(_ service: AWSService, method: String = "GET", path: String, query: [(String, String)] = [],
                         into directory: URL? = nil) async throws -> (HTTPResponse, URL) {
        let (r, file) = try await perform(service, method: method, path: path, query: query, headers: [], body: []) {
            if let directory { return try await self.transport.download($0, timeout: self.timeout, into: directory) }
            return try await self.transport.download($0, timeout: self.timeout)
        }
        guard let file else { throw AWSError.malformedResponse("download without a body file") }
        return (r, file)
    }

    private func perform(_ service: AWSService, method: String, path: String, query: [(String, String)], headers: [(String, String)],
                         body: [UInt8], exchange: (HTTPRequest) async throws -> (HTTPResponse, URL?)) async throws -> (HTTPResponse, URL?) {
        let credentials = try await self.credentials()
        let e = endpoint(service)
        let signer = SigV4Signer(service: service.signingName, region: e.signingRegion)
        var attempt = 0
        while true {
            attempt += 1
            var request = HTTPRequest(method: method, scheme: e.scheme, host: e.host, port: e.port, path: e.basePath + path,
                                      query: query, headers: headers, body: body)
            // Signed anew each attempt: the date is part of the signature.
            signer.sign(&request, credentials: credentials, date: AWSDate(secondsSince1970: Int(Date().timeIntervalSince1970)))
            let result: (HTTPResponse, URL?)
            do {
                result = try await exchange(request)
            } catch {
                if error is CurlUnavailable || error is LocalFileError { throw AWSError.transport("\(error)", endpoint: e.description) }
                if attempt < retry.maxAttempts {
                    try await Task.sleep(nanoseconds: UInt64(retry.delay(afterAttempt: attempt) * 1e9))
                    continue
                }
                throw AWSError.transport("\(error) (after \(attempt) attempt\(attempt == 1 ? "" : "s"))", endpoint: e.description)
            }
            if (200..<300).contains(result.0.status) { return result }
            let error = ErrorDocument.parse(result.0, service: service)
            if attempt < retry.maxAttempts, RetryPolicy.isRetryable(status: result.0.status, code: error.code) {
                try await Task.sleep(nanoseconds: UInt64(retry.delay(afterAttempt: attempt) * 1e9))
                continue
            }
            throw AWSError.service(error)
        }
    }

    /// AWS Query protocol (EC2, IAM, STS, CloudFormation): a form-encoded POST, an XML reply.
    public func query(_ service: AWSService, action: String, version: String, _ parameters: [(String, String)] = []) async throws -> XMLTree {
        let form = ([("Action", action), ("Version", version)] + parameters)
            .map { "\(URIEncoding.encode($0.0))=\(URIEncoding.encode($0.1))" }.joined(separator: "&")
        let response = try await send(service, method: "POST", headers: [("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")],
                                      body: Array(form.utf8))
        return try XMLTree(response.body)
    }
}

/// Error replies: Query/REST-XML (`<Error><Code>…`) and JSON (`__type`, `message`).
enum ErrorDocument {
    static func parse(_ r: HTTPResponse, service: AWSService) -> AWSError.ServiceError {
        let requestID = r.headers["x-amzn-requestid"] ?? r.headers["x-amz-request-id"]
        // Only XML-looking bodies are parsed as XML; anything else is tried as JSON, then kept as text.
        let start = r.body.drop { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
        if start.first == UInt8(ascii: "<"), start.dropFirst().first != UInt8(ascii: "!"), let xml = try? XMLTree(r.body) {
            let error = xml.name == "Error" ? xml : (xml.element("Error") ?? xml.element("Errors/Error"))
            if let error, let code = error.text("Code") {
                return .init(service: service.rawValue, code: code, message: error.text("Message") ?? "",
                             requestID: xml.text("RequestId") ?? xml.text("RequestID") ?? error.text("RequestId") ?? requestID,
                             statusCode: r.status)
            }
        }
        if let json = JSONReader.object(r.body) {
            let type = (json["__type"] as? String ?? json["code"] as? String ?? r.headers["x-amzn-errortype"] ?? "")
                .split(separator: "#").last.map(String.init) ?? ""
            let message = json["message"] as? String ?? json["Message"] as? String ?? ""
            if !type.isEmpty { return .init(service: service.rawValue, code: type, message: message, requestID: requestID, statusCode: r.status) }
        }
        return .init(service: service.rawValue, code: "HTTP\(r.status)", message: String(r.text.prefix(200)), requestID: requestID, statusCode: r.status)
    }
}
