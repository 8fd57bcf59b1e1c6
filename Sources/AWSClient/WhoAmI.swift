#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

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
        // user_id is masked like the key in the text output (its first part is the unique id).
        let object: [(String, String)] = [("account", account), ("arn", arn), ("user_id", Self.maskUserID(userID)), ("region", region),
                                          ("endpoint", endpoint), ("credential_source", credentialSource), ("access_key", accessKey)]
        let body = object.map { "  \"\($0.0)\": \(Self.quote($0.1))" }.joined(separator: ",\n")
        return "{\n\(body)\n}\n"
    }

    /// "AIDA…WXYZ" or "AROA…WXYZ:session": the unique id masked, a role session name kept.
    static func maskUserID(_ id: String) -> String {
        guard let colon = id.firstIndex(of: ":") else { return mask(id) }
        return mask(String(id[..<colon])) + id[colon...]
    }

    /// A JSON string literal (RFC 8259), without Foundation's escaping of "/".
    static func quote(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 {
                    let hex = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }
}
