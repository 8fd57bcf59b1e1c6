import Foundation

/// The shared libraries a run of `executable` initialised, linked or opened with dlopen, as
/// glibc's loader reports them under LD_DEBUG=libs ("calling init: /path/libX.so.N"): the file
/// names, e.g. "libcurl.so.4". Nil when the loader printed nothing (not glibc).
public func loadedLibraries(_ executable: URL, _ arguments: [String], environment: [String: String] = [:],
                            directory: URL? = nil) throws -> (result: ProcessResult, libraries: Set<String>?) {
    var env = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    env["LD_DEBUG"] = "libs"
    let r = try runProcess(executable, arguments, environment: env, directory: directory)
    let inits = r.stderr.split(separator: "\n").compactMap { line -> String? in
        guard let at = line.range(of: "calling init: ") else { return nil }
        return line[at.upperBound...].split(separator: "/").last.map(String.init)
    }
    return (r, inits.isEmpty ? nil : Set(inits))
}

/// Libraries only network commands may load: HTTP (libcurl and what it pulls in), XML, TLS.
public let networkLibraryPrefixes = ["libcurl", "libxml2", "libcrypto", "libssl", "libnghttp2", "libgnutls", "libssh2"]

public func networkLibraries(in libraries: Set<String>) -> [String] {
    libraries.filter { name in networkLibraryPrefixes.contains { name.hasPrefix($0 + ".") || name.hasPrefix($0 + "-") } }.sorted()
}
