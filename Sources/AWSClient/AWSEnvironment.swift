#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import PlatformSupport

/// The process environment and home directory, injectable so tests never read the real
/// ~/.aws or environment.
public struct AWSEnvironment: Sendable {
    public var variables: [String: String]
    public var home: String

    public init(variables: [String: String], home: String) {
        self.variables = variables
        self.home = home
    }

    public static var process: AWSEnvironment {
        let env = ProcessInfo.processInfo.environment
        return AWSEnvironment(variables: env, home: env["HOME"] ?? HomeDirectory.current)
    }

    public subscript(_ name: String) -> String? {
        guard let v = variables[name], !v.isEmpty else { return nil }
        return v
    }

    var credentialsFile: String { self["AWS_SHARED_CREDENTIALS_FILE"] ?? home + "/.aws/credentials" }
    var configFile: String { self["AWS_CONFIG_FILE"] ?? home + "/.aws/config" }
}
