/// An HTTP request as the signer and transports see it. The path and query are kept decoded;
/// encoding happens once, in `wirePath`/`wireQuery`, so signing and sending agree.
public struct HTTPRequest: Sendable {
    public var method: String
    public var scheme: String
    public var host: String
    public var port: Int?
    /// Decoded path ("/bucket/my key.txt").
    public var path: String
    /// Decoded query pairs, in any order (signing sorts them).
    public var query: [(String, String)]
    /// Headers in order; names compare case-insensitively.
    public var headers: [(String, String)]
    public var body: [UInt8]

    public init(method: String, scheme: String = "https", host: String, port: Int? = nil, path: String = "/",
                query: [(String, String)] = [], headers: [(String, String)] = [], body: [UInt8] = []) {
        self.method = method
        self.scheme = scheme
        self.host = host
        self.port = port
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
    }

    public func header(_ name: String) -> String? {
        let lower = name.lowercased()
        return headers.first { $0.0.lowercased() == lower }?.1
    }

    public mutating func setHeader(_ name: String, _ value: String) {
        let lower = name.lowercased()
        headers.removeAll { $0.0.lowercased() == lower }
        headers.append((name, value))
    }

    /// Host header value: host, plus the port when it is not the scheme's default.
    public var hostHeader: String {
        guard let port, !(scheme == "https" && port == 443), !(scheme == "http" && port == 80) else { return host }
        return "\(host):\(port)"
    }

    public var wirePath: String { URIEncoding.encode(path, keepSlash: true) }
    public var wireQuery: String {
        query.map { "\(URIEncoding.encode($0.0))=\(URIEncoding.encode($0.1))" }.joined(separator: "&")
    }

    public var url: String {
        "\(scheme)://\(hostHeader)\(wirePath)" + (query.isEmpty ? "" : "?" + wireQuery)
    }
}

/// AWS's URI encoding: RFC 3986 unreserved characters kept, everything else %XX (uppercase).
public enum URIEncoding {
    public static func encode(_ s: String, keepSlash: Bool = false) -> String {
        var out = [UInt8]()
        out.reserveCapacity(s.utf8.count)
        let hex = Array("0123456789ABCDEF".utf8)
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.append(b)
            case UInt8(ascii: "/") where keepSlash:
                out.append(b)
            default:
                out += [UInt8(ascii: "%"), hex[Int(b >> 4)], hex[Int(b & 0xF)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Percent-decoding ('+' stays a plus, as in AWS query strings).
    public static func decode(_ s: Substring) -> String {
        var out = [UInt8]()
        var it = Array(s.utf8)[...]
        while let b = it.popFirst() {
            if b == UInt8(ascii: "%"), it.count >= 2, let v = UInt8(String(decoding: it.prefix(2), as: UTF8.self), radix: 16) {
                out.append(v)
                it = it.dropFirst(2)
            } else {
                out.append(b)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
