#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import PlatformSupport

/// ~/.aws/credentials and ~/.aws/config, read the way the AWS CLI reads them: INI sections
/// (`[name]` in credentials, `[profile name]` or `[default]` in config), `key = value` lines,
/// `#`/`;` comments.
public struct ConfigFiles: Sendable {
    public let credentials: [String: [String: String]]
    public let config: [String: [String: String]]

    public init(environment: AWSEnvironment) {
        credentials = Self.parse(path: environment.credentialsFile, profilePrefix: false)
        config = Self.parse(path: environment.configFile, profilePrefix: true)
    }

    /// A setting of a profile: the credentials file first for keys, then config.
    public func value(_ key: String, profile: String) -> String? {
        credentials[profile]?[key] ?? config[profile]?[key]
    }

    public func hasProfile(_ name: String) -> Bool { credentials[name] != nil || config[name] != nil }

    static func parse(path: String, profilePrefix: Bool) -> [String: [String: String]] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [:] }
        return parse(text: text, profilePrefix: profilePrefix)
    }

    static func parse(text: String, profilePrefix: Bool) -> [String: [String: String]] {
        var out: [String: [String: String]] = [:]
        var section: String?
        for raw in text.split(whereSeparator: \.isNewline) {
            let line = raw.trimmingWhitespace()
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
            if line.hasPrefix("["), line.hasSuffix("]") {
                var name = line.dropFirst().dropLast().trimmingWhitespace()
                if profilePrefix, name.hasPrefix("profile ") { name = String(name.dropFirst(8)).trimmingWhitespace() }
                section = name
                out[name, default: [:]] = out[name] ?? [:]
                continue
            }
            guard let section, let eq = line.firstIndex(of: "=") else { continue }
            let key = line[..<eq].trimmingWhitespace().lowercased()
            var value = line[line.index(after: eq)...].trimmingWhitespace()
            if let hash = value.firstRange(of: " #") { value = String(value[..<hash.lowerBound]).trimmingWhitespace() }
            out[section]?[key] = value
        }
        return out
    }
}
