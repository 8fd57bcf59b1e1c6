#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Finds credentials the way the AWS CLI does: an explicit --profile first; otherwise
/// AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY(/AWS_SESSION_TOKEN), then the AWS_PROFILE (or
/// default) profile, then EC2 instance metadata (IMDSv2) unless AWS_EC2_METADATA_DISABLED=true.
public struct CredentialChain: Sendable {
    public let environment: AWSEnvironment
    public let profile: String?
    public let transport: HTTPTransport

    public init(environment: AWSEnvironment, profile: String? = nil, transport: HTTPTransport) {
        self.environment = environment
        self.profile = profile
        self.transport = transport
    }

    public var profileName: String { profile ?? environment["AWS_PROFILE"] ?? environment["AWS_DEFAULT_PROFILE"] ?? "default" }

    public func resolve() async throws -> Credentials {
        var tried: [String] = []
        let files = ConfigFiles(environment: environment)
        if profile == nil {
            tried.append("environment")
            if let c = fromEnvironment() { return c }
        }
        tried.append("profile \(profileName)")
        if let c = fromProfile(files) { return c }
        if let explicit = profile, !files.hasProfile(explicit) {
            throw AWSError.noCredentials(tried: ["profile \(explicit) (not found in \(environment.credentialsFile) or \(environment.configFile))"])
        }
        if InstanceMetadata.enabled(environment) {
            tried.append("instance metadata")
            do {
                return try await InstanceMetadata(environment: environment, transport: transport).credentials()
            } catch let e as CurlUnavailable {
                // Say what to install rather than "no credentials" on an instance without libcurl.
                throw AWSError.transport("\(e)", endpoint: InstanceMetadata.defaultEndpoint)
            } catch {}
        }
        throw AWSError.noCredentials(tried: tried)
    }

    func fromEnvironment() -> Credentials? {
        guard let id = environment["AWS_ACCESS_KEY_ID"], let secret = environment["AWS_SECRET_ACCESS_KEY"] else { return nil }
        return Credentials(accessKeyID: id, secretAccessKey: secret, sessionToken: environment["AWS_SESSION_TOKEN"], source: "environment")
    }

    func fromProfile(_ files: ConfigFiles) -> Credentials? {
        let name = profileName
        guard let id = files.value("aws_access_key_id", profile: name),
              let secret = files.value("aws_secret_access_key", profile: name) else { return nil }
        let file = files.credentials[name]?["aws_access_key_id"] != nil ? environment.credentialsFile : environment.configFile
        return Credentials(accessKeyID: id, secretAccessKey: secret, sessionToken: files.value("aws_session_token", profile: name),
                           source: "profile \(name) (\(file))")
    }

    /// --region, AWS_REGION, AWS_DEFAULT_REGION, the profile's region, then the caller's fallback
    /// (the blueprint's REGION).
    public func region(explicit: String? = nil, fallback: String? = nil) -> String? {
        explicit ?? environment["AWS_REGION"] ?? environment["AWS_DEFAULT_REGION"]
            ?? ConfigFiles(environment: environment).value("region", profile: profileName) ?? fallback
    }
}

/// EC2 instance metadata, IMDSv2 (a PUT for a session token, then GETs with it). Never
/// contacted when AWS_EC2_METADATA_DISABLED=true; AWS_EC2_METADATA_SERVICE_ENDPOINT moves it
/// (tests point it at 127.0.0.1).
public struct InstanceMetadata: Sendable {
    public static let defaultEndpoint = "http://169.254.169.254"
    let environment: AWSEnvironment
    let transport: HTTPTransport

    public init(environment: AWSEnvironment, transport: HTTPTransport) {
        self.environment = environment
        self.transport = transport
    }

    public static func enabled(_ environment: AWSEnvironment) -> Bool {
        environment["AWS_EC2_METADATA_DISABLED"]?.lowercased() != "true"
    }

    var endpoint: Endpoint? {
        Endpoint.parse(environment["AWS_EC2_METADATA_SERVICE_ENDPOINT"] ?? Self.defaultEndpoint, "")
    }

    private func request(_ method: String, _ path: String, _ headers: [(String, String)]) -> HTTPRequest? {
        guard let e = endpoint else { return nil }
        return HTTPRequest(method: method, scheme: e.scheme, host: e.host, port: e.port, path: e.basePath + path, headers: headers)
    }

    public func get(_ path: String) async throws -> String {
        guard Self.enabled(environment), let put = request("PUT", "/latest/api/token", [("X-aws-ec2-metadata-token-ttl-seconds", "21600")]) else {
            throw AWSError.transport("instance metadata is disabled", endpoint: Self.defaultEndpoint)
        }
        let token = try await transport.send(put, timeout: 1)
        guard token.status == 200, let get = request("GET", path, [("X-aws-ec2-metadata-token", token.text)]) else {
            throw AWSError.transport("no IMDSv2 token (HTTP \(token.status))", endpoint: endpoint?.description ?? "")
        }
        let r = try await transport.send(get, timeout: 1)
        guard r.status == 200 else { throw AWSError.transport("HTTP \(r.status) for \(path)", endpoint: endpoint?.description ?? "") }
        return r.text
    }

    public func credentials() async throws -> Credentials {
        let role = try await get("/latest/meta-data/iam/security-credentials/").split(separator: "\n").first.map(String.init) ?? ""
        guard !role.isEmpty else { throw AWSError.noCredentials(tried: ["instance metadata (no role)"]) }
        let json = try await get("/latest/meta-data/iam/security-credentials/\(role)")
        guard let object = JSONReader.object(Array(json.utf8)),
              let id = object["AccessKeyId"] as? String, let secret = object["SecretAccessKey"] as? String else {
            throw AWSError.malformedResponse("instance metadata credentials for role \(role)")
        }
        return Credentials(accessKeyID: id, secretAccessKey: secret, sessionToken: object["Token"] as? String,
                           source: "instance metadata (role \(role))")
    }
}
