#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// REST-JSON (Lambda) and JSON 1.1 (SSM) bodies.
extension AWSClient {
    /// JSON 1.1: POST / with X-Amz-Target, e.g. target "AmazonSSM.SendCommand".
    public func json11(_ service: AWSService, target: String, _ body: [String: Any]) async throws -> [String: Any] {
        let data = try JSONWriter.bytes(body)
        let r = try await send(service, method: "POST", headers: [("Content-Type", "application/x-amz-json-1.1"), ("X-Amz-Target", target)],
                               body: data)
        return try Self.object(r.body)
    }

    /// REST-JSON: a method, a path, an optional JSON body.
    public func restJSON(_ service: AWSService, method: String, path: String, _ body: [String: Any]? = nil) async throws -> [String: Any] {
        let data = try body.map { try JSONWriter.bytes($0) }
        let r = try await send(service, method: method, path: path, headers: data == nil ? [] : [("Content-Type", "application/json")],
                               body: data ?? [])
        return try Self.object(r.body)
    }

    static func object(_ body: [UInt8]) throws -> [String: Any] {
        if body.isEmpty { return [:] }
        guard let o = JSONReader.object(body) else {
            throw AWSError.malformedResponse("expected a JSON object")
        }
        return o
    }
}
