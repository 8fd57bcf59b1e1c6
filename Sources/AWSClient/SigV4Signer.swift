/// AWS Signature Version 4 (headers and presigned URLs), as specified in the SigV4 docs and
/// checked against AWS's published test suite. S3 differs: no path normalisation, single URI
/// encoding, and the payload hash travels in x-amz-content-sha256.
public struct SigV4Signer: Sendable {
    public let service: String
    public let region: String

    public init(service: String, region: String) {
        self.service = service
        self.region = region
    }

    var isS3: Bool { service == "s3" }

    /// Sign in place: adds X-Amz-Date, X-Amz-Security-Token (signed), x-amz-content-sha256 for
    /// S3, Host, and Authorization.
    public func sign(_ request: inout HTTPRequest, credentials: Credentials, date: AWSDate) {
        request.setHeader("Host", request.hostHeader)
        request.setHeader("X-Amz-Date", date.amzDate)
        if let token = credentials.sessionToken { request.setHeader("X-Amz-Security-Token", token) }
        let payload = isS3 && request.header("x-amz-content-sha256") == "UNSIGNED-PAYLOAD"
            ? "UNSIGNED-PAYLOAD" : Crypto.hex(Crypto.sha256(request.body))
        if isS3 { request.setHeader("x-amz-content-sha256", payload) }
        request.setHeader("Authorization", authorization(request, credentials: credentials, date: date, payloadHash: payload))
    }

    /// The Authorization header value for a request whose headers are final.
    public func authorization(_ request: HTTPRequest, credentials: Credentials, date: AWSDate, payloadHash: String) -> String {
        let (canonical, signedHeaders) = canonicalRequest(request, payloadHash: payloadHash)
        let signature = self.signature(stringToSign: stringToSign(canonical, date: date), secret: credentials.secretAccessKey, date: date)
        return "AWS4-HMAC-SHA256 Credential=\(credentials.accessKeyID)/\(scope(date)), SignedHeaders=\(signedHeaders), Signature=\(signature)"
    }

    public func scope(_ date: AWSDate) -> String { "\(date.dateStamp)/\(region)/\(service)/aws4_request" }

    /// Canonical request text and the signed-headers list.
    public func canonicalRequest(_ r: HTTPRequest, payloadHash: String, doubleEncodePath: Bool? = nil) -> (String, String) {
        var grouped: [(String, [String])] = []
        for (name, value) in r.headers {
            let key = name.lowercased()
            let v = Self.trim(value)
            if let i = grouped.firstIndex(where: { $0.0 == key }) { grouped[i].1.append(v) } else { grouped.append((key, [v])) }
        }
        grouped.sort { $0.0 < $1.0 }
        let canonicalHeaders = grouped.map { "\($0.0):\($0.1.joined(separator: ","))\n" }.joined()
        let signedHeaders = grouped.map(\.0).joined(separator: ";")
        let text = [r.method, canonicalURI(r.path, doubleEncode: doubleEncodePath ?? !isS3), canonicalQuery(r.query),
                    canonicalHeaders, signedHeaders, payloadHash].joined(separator: "\n")
        return (text, signedHeaders)
    }

    public func stringToSign(_ canonicalRequest: String, date: AWSDate) -> String {
        "AWS4-HMAC-SHA256\n\(date.amzDate)\n\(scope(date))\n\(Crypto.hex(Crypto.sha256(Array(canonicalRequest.utf8))))"
    }

    public func signature(stringToSign: String, secret: String, date: AWSDate) -> String {
        var key = Crypto.hmacSHA256(key: Array("AWS4\(secret)".utf8), Array(date.dateStamp.utf8))
        key = Crypto.hmacSHA256(key: key, Array(region.utf8))
        key = Crypto.hmacSHA256(key: key, Array(service.utf8))
        key = Crypto.hmacSHA256(key: key, Array("aws4_request".utf8))
        return Crypto.hex(Crypto.hmacSHA256(key: key, Array(stringToSign.utf8)))
    }

    /// A presigned GET/PUT URL (query-string authentication), valid for `expires` seconds.
    public func presign(_ request: HTTPRequest, credentials: Credentials, date: AWSDate, expires: Int) -> String {
        var r = request
        r.headers = [("Host", request.hostHeader)]
        r.query += [("X-Amz-Algorithm", "AWS4-HMAC-SHA256"), ("X-Amz-Credential", "\(credentials.accessKeyID)/\(scope(date))"),
                    ("X-Amz-Date", date.amzDate), ("X-Amz-Expires", String(expires)), ("X-Amz-SignedHeaders", "host")]
        if let token = credentials.sessionToken { r.query.append(("X-Amz-Security-Token", token)) }
        let (canonical, _) = canonicalRequest(r, payloadHash: isS3 ? "UNSIGNED-PAYLOAD" : Crypto.emptySHA256)
        let sig = signature(stringToSign: stringToSign(canonical, date: date), secret: credentials.secretAccessKey, date: date)
        r.query.append(("X-Amz-Signature", sig))
        return r.url
    }

    // MARK: canonical pieces

    /// Normalised (except for S3) and URI-encoded path; other services encode it twice.
    func canonicalURI(_ path: String, doubleEncode: Bool) -> String {
        let p = isS3 ? (path.isEmpty ? "/" : path) : Self.normalise(path)
        let once = URIEncoding.encode(p, keepSlash: true)
        return doubleEncode ? URIEncoding.encode(once, keepSlash: true) : once
    }

    func canonicalQuery(_ pairs: [(String, String)]) -> String {
        pairs.map { (URIEncoding.encode($0.0), URIEncoding.encode($0.1)) }
            .sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
            .map { "\($0.0)=\($0.1)" }.joined(separator: "&")
    }

    /// Remove dot segments and empty segments; keep a trailing slash.
    static func normalise(_ path: String) -> String {
        var out: [Substring] = []
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        for p in parts {
            if p == "." { continue }
            if p == ".." { if !out.isEmpty { out.removeLast() }; continue }
            out.append(p)
        }
        let trailing = path.hasSuffix("/") || path.hasSuffix("/.") || path.hasSuffix("/..")
        let joined = "/" + out.joined(separator: "/")
        return trailing && !out.isEmpty ? joined + "/" : joined
    }

    /// Trim, and collapse runs of spaces (header values, multi-line values already joined).
    static func trim(_ v: String) -> String {
        var out = ""
        var lastSpace = false
        for c in v.trimmingSpaces() {
            if c == " " || c == "\t" {
                if !lastSpace { out.append(" ") }
                lastSpace = true
            } else {
                out.append(c)
                lastSpace = false
            }
        }
        return out
    }
}

extension String {
    func trimmingSpaces() -> Substring {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return s
    }
}
