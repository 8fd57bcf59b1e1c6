import CLibGit2
import Foundation

/// Process-wide libgit2 set-up and the small conversions every call needs.
enum LibGit2 {
    /// git_libgit2_init is reference-counted and thread-safe; it is called once and never shut
    /// down, because repositories may be open until the process exits.
    static let initialized: Bool = { git_libgit2_init() > 0 }()

    /// libgit2's last error message on this thread ("" when none).
    static func lastError() -> String {
        guard let e = git_error_last(), let text = e.pointee.message else { return "" }
        return String(cString: text).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// "sentence: libgit2's reason" (the reason only when libgit2 gave one).
    static func describe(_ sentence: String) -> String {
        let reason = lastError()
        return reason.isEmpty ? sentence : "\(sentence): \(reason)"
    }

    static func hex(_ oid: git_oid) -> String {
        var oid = oid
        var buffer = [CChar](repeating: 0, count: Int(GIT_OID_HEXSZ) + 1)
        git_oid_fmt(&buffer, &oid)
        return String(decoding: buffer.prefix(Int(GIT_OID_HEXSZ)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
