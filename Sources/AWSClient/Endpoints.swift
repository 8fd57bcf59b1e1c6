/// The AWS services bpctl calls, with their signing names and endpoint conventions.
public enum AWSService: String, Sendable, CaseIterable {
    case sts, ec2, iam, cloudformation, lambda, s3, ssm, pricing

    /// SigV4 signing name.
    public var signingName: String { rawValue }

    /// The SDK's service id for AWS_ENDPOINT_URL_<ID>.
    public var endpointEnvironmentName: String { "AWS_ENDPOINT_URL_" + rawValue.uppercased() }
}

/// Where a service's requests go.
public struct Endpoint: Sendable, Equatable {
    public let scheme: String
    public let host: String
    public let port: Int?
    /// Path prefix of a custom endpoint ("" normally).
    public let basePath: String
    /// Region used to sign (IAM is global and signs with us-east-1).
    public let signingRegion: String
    /// True when the endpoint came from AWS_ENDPOINT_URL* (moto, LocalStack, a VPC endpoint).
    public let isCustom: Bool

    public var description: String { "\(scheme)://\(host)\(port.map { ":\($0)" } ?? "")\(basePath)" }

    /// AWS_ENDPOINT_URL_<SERVICE>, then AWS_ENDPOINT_URL, then the standard regional endpoint.
    public static func resolve(_ service: AWSService, region: String, environment: AWSEnvironment) -> Endpoint {
        let signingRegion = service == .iam ? (region.hasPrefix("cn-") ? "cn-north-1" : (region.hasPrefix("us-gov-") ? "us-gov-west-1" : "us-east-1")) : region
        if let custom = environment[service.endpointEnvironmentName] ?? environment["AWS_ENDPOINT_URL"], let e = parse(custom, signingRegion) {
            return e
        }
        let suffix = region.hasPrefix("cn-") ? "amazonaws.com.cn" : "amazonaws.com"
        let host: String
        switch service {
        case .iam: host = region.hasPrefix("cn-") ? "iam.cn-north-1.amazonaws.com.cn" : (region.hasPrefix("us-gov-") ? "iam.us-gov.amazonaws.com" : "iam.amazonaws.com")
        // The Price List API lives in a few regions only (us-east-1, eu-central-1, ap-south-1).
        case .pricing: host = "api.pricing.\(region).\(suffix)"
        default: host = "\(service.rawValue).\(region).\(suffix)"
        }
        return Endpoint(scheme: "https", host: host, port: nil, basePath: "", signingRegion: signingRegion, isCustom: false)
    }

    static func parse(_ url: String, _ signingRegion: String) -> Endpoint? {
        guard let schemeEnd = url.firstRange(of: "://") else { return nil }
        let scheme = String(url[..<schemeEnd.lowerBound]).lowercased()
        let rest = url[schemeEnd.upperBound...]
        let authority = rest.prefix { $0 != "/" }
        var path = String(rest.dropFirst(authority.count))
        while path.hasSuffix("/") { path.removeLast() }
        var host = String(authority), port: Int?
        if let colon = authority.lastIndex(of: ":"), let p = Int(authority[authority.index(after: colon)...]) {
            host = String(authority[..<colon])
            port = p
        }
        guard !host.isEmpty, scheme == "http" || scheme == "https" else { return nil }
        return Endpoint(scheme: scheme, host: host, port: port, basePath: path, signingRegion: signingRegion, isCustom: true)
    }
}
