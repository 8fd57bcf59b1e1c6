import CLibGit2
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import PlatformSupport

/// libgit2's functions, resolved by `LibGit2.load()` (every entry point calls it first, so
/// the force-unwraps below never meet an unresolved function).
nonisolated(unsafe) var G = bp_git_api()

/// Process-wide libgit2 set-up and the small conversions every call needs.
enum LibGit2 {
    /// Library names tried in order: the ABI GitKit is built against (Debian's libgit2-1.5),
    /// then whatever the unversioned development link names.
    static let candidates = ["libgit2.so.1.5", "libgit2.so"]

    /// dlopen once, then git_libgit2_init (reference-counted, thread-safe; never shut down,
    /// because repositories may be open until the process exits).
    private static let loaded: Result<Void, GitError> = {
        var reasons: [String] = []
        for name in candidates {
            var api = bp_git_api()
            var error = [CChar](repeating: 0, count: 512)
            if bp_git_load(&api, name, &error, error.count) == 0 {
                G = api
                _ = G.git_libgit2_init!()
                return .success(())
            }
            reasons.append(String(decoding: error.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        return .failure(GitError(.other, "libgit2 could not be loaded (\(reasons.joined(separator: "; ")))",
                                 hint: "install it (Debian: apt-get install libgit2-1.5 or libgit2-dev)"))
    }()

    static func load() throws {
        try loaded.get()
    }

    /// libgit2's last error message on this thread ("" when none).
    static func lastError() -> String {
        guard let e = G.git_error_last!(), let text = e.pointee.message else { return "" }
        return String(cString: text).trimmingWhitespaceAndNewlines()
    }

    /// "sentence: libgit2's reason" (the reason only when libgit2 gave one).
    static func describe(_ sentence: String) -> String {
        let reason = lastError()
        return reason.isEmpty ? sentence : "\(sentence): \(reason)"
    }

    static func hex(_ oid: git_oid) -> String {
        var oid = oid
        var buffer = [CChar](repeating: 0, count: Int(GIT_OID_HEXSZ) + 1)
        _ = G.git_oid_fmt!(&buffer, &oid)
        return String(decoding: buffer.prefix(Int(GIT_OID_HEXSZ)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
