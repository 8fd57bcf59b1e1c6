import CCurlLoader
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import PlatformSupport

/// libcurl, opened with dlopen the first time a request is made. Linking it (as
/// FoundationNetworking does) makes every start-up map and relocate libcurl and ~30 libraries it
/// depends on, about 5 ms per command even for commands that never touch the network.
final class CurlLibrary: @unchecked Sendable {
    /// Names tried in order: the OpenSSL build first (Debian's libcurl4, RHEL's libcurl), then
    /// Debian's GnuTLS and NSS builds, which have the same ABI. BPCTL_LIBCURL overrides the list.
    static let candidates = ["libcurl.so.4", "libcurl-gnutls.so.4", "libcurl-nss.so.4", "libcurl.so", "libcurl.4.dylib"]

    /// The process-wide library, loaded once (on first use: Swift runs global initialisers lazily).
    static let shared: Result<CurlLibrary, CurlUnavailable> = {
        let override = ProcessInfo.processInfo.environment["BPCTL_LIBCURL"].flatMap { $0.isEmpty ? nil : $0 }
        return load(override.map { [$0] } ?? candidates)
    }()

    var api = bp_curl_api()
    private let lock = Lock()
    /// Idle easy handles: reusing one keeps its connections and DNS cache alive between requests.
    private var idle: [UnsafeMutableRawPointer] = []

    private init() {}

    static func load(_ names: [String]) -> Result<CurlLibrary, CurlUnavailable> {
        let library = CurlLibrary()
        var reasons: [String] = []
        for name in names {
            var error = [CChar](repeating: 0, count: 512)
            if bp_curl_load(&library.api, name, &error, error.count) == 0 {
                guard library.api.global_init?(bp_curl_global_default) == CURLE_OK else {
                    return .failure(CurlUnavailable(reasons: ["\(name): curl_global_init failed"]))
                }
                return .success(library)
            }
            reasons.append(cText(error))
        }
        return .failure(CurlUnavailable(reasons: reasons))
    }

    func takeHandle() throws -> UnsafeMutableRawPointer {
        if let h = lock.withLock({ idle.popLast() }) { return h }
        guard let h = api.easy_init?() else { throw TransportError(description: "curl_easy_init failed") }
        return h
    }

    /// Reset before pooling: the handle must not keep pointers to the finished exchange (error
    /// buffer, callback context); connections and the DNS cache survive a reset.
    func giveBack(_ handle: UnsafeMutableRawPointer) {
        api.easy_reset?(handle)
        let keep = lock.withLock { () -> Bool in
            guard idle.count < 4 else { return false }
            idle.append(handle)
            return true
        }
        if !keep { api.easy_cleanup?(handle) }
    }

    func message(_ code: CURLcode) -> String {
        api.easy_strerror?(code).map { String(cString: $0) } ?? "libcurl error \(code.rawValue)"
    }
}

/// libcurl is not installed (or not loadable): a sentence that says what to install. Not
/// retried, and not hidden behind "no credentials" when the instance-metadata lookup needs it.
public struct CurlUnavailable: Error, Sendable, CustomStringConvertible {
    public let reasons: [String]

    public var description: String {
        "libcurl could not be loaded (\(reasons.joined(separator: "; "))): install it (Debian/Ubuntu: apt-get install libcurl4;"
            + " Amazon Linux/RHEL: yum install libcurl) or set BPCTL_LIBCURL to its path"
    }
}

/// A NUL-terminated C buffer as a String.
func cText(_ buffer: [CChar]) -> String {
    String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
}
