/// Everything that can go wrong talking to AWS, as a type the CLI turns into a sentence.
public enum AWSError: Error, Sendable, CustomStringConvertible {
    /// AWS answered with an error document.
    case service(ServiceError)
    /// No credential provider had credentials.
    case noCredentials(tried: [String])
    /// No region from --region, AWS_REGION, AWS_DEFAULT_REGION, the profile or the blueprint.
    case noRegion
    /// The request never got an HTTP answer (after retries).
    case transport(String, endpoint: String)
    /// An answer we could not read.
    case malformedResponse(String)

    public struct ServiceError: Sendable, Equatable {
        public let service: String
        public let code: String
        public let message: String
        public let requestID: String?
        public let statusCode: Int
    }

    /// One plain sentence for people; never includes a secret.
    public var description: String {
        switch self {
        case .service(let e):
            let hint: String
            switch e.code {
            case "SignatureDoesNotMatch": hint = ": check AWS_SECRET_ACCESS_KEY (or the profile's aws_secret_access_key)"
            case "InvalidClientTokenId", "UnrecognizedClientException", "InvalidAccessKeyId":
                hint = ": AWS does not know this access key; check AWS_ACCESS_KEY_ID or the profile"
            case "ExpiredToken", "ExpiredTokenException", "RequestExpired": hint = ": the session token expired; get new credentials"
            case "AccessDenied", "AccessDeniedException", "UnauthorizedOperation": hint = ": the credentials are not allowed to do this"
            default: hint = ""
            }
            let what = e.code == "SignatureDoesNotMatch" ? "AWS rejected the signature" : "\(e.service) refused the request"
            var s = "\(what) (\(e.code))\(hint)"
            if !e.message.isEmpty && e.code != "SignatureDoesNotMatch" { s += " — \(e.message)" }
            if let id = e.requestID { s += " [request id \(id)]" }
            return s
        case .noCredentials(let tried):
            return "no credentials found (tried \(tried.joined(separator: ", "))): set AWS_PROFILE or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or run on an instance with a role"
        case .noRegion:
            return "no region: pass --region, or set AWS_REGION or the profile's region"
        case .transport(let why, let endpoint):
            return "could not reach \(endpoint): \(why)"
        case .malformedResponse(let why):
            return "AWS sent an answer bpctl could not read: \(why)"
        }
    }
}
