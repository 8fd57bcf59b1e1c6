import Foundation

/// What `bpctl whoami` reports: who the credentials belong to and where requests go. Never the
/// secret; the access key id is shown masked.
public struct WhoAmI: Sendable {
    public let account: String
    public let arn: String
    public let userID: String
    public let region: String
    public let endpoint: String
    public let credentialSource: String
    public let accessKey: String

    public static func resolve(_ client: AWSClient) async throws -> WhoAmI {
        let identity = try await STS(client).getCallerIdentity()
        let c = try await client.credentials()
        return WhoAmI(account: identity.account, arn: identity.arn, userID: identity.userID, region: client.region,
                      endpoint: client.endpoint(.sts).description, credentialSource: c.source, accessKey: mask(c.accessKeyID))
    }

    /// "AKIA…WXYZ": enough to tell keys apart, not enough to use one.
    public static func mask(_ id: String) -> String {
        id.count <= 8 ? String(repeating: "*", count: id.count) : "\(id.prefix(4))…\(id.suffix(4))"
    }

    public var text: String {
        """
        account      \(account)
        arn          \(arn)
        region       \(region)
        endpoint     \(endpoint)
        credentials  \(credentialSource), access key \(accessKey)

        """
    }

    public var json: String {
        let object: [(String, String)] = [("account", account), ("arn", arn), ("user_id", userID), ("region", region),
                                          ("endpoint", endpoint), ("credential_source", credentialSource), ("access_key", accessKey)]
        let body = object.map { "  \"\($0.0)\": \(Self.quote($0.1))" }.joined(separator: ",\n")
        return "{\n\(body)\n}\n"
    }

    static func quote(_ s: String) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: [s], options: [])) ?? Data("[\"\"]".utf8)
        return String(String(decoding: data, as: UTF8.self).dropFirst().dropLast())
    }
}
