#if canImport(Glibc)
import Glibc
#endif

/// NSHomeDirectory() without swift-corelibs-foundation (see Lock.swift for why): $HOME when set,
/// else the effective user's home from the password database, as CoreFoundation looks it up.
public enum HomeDirectory {
    public static var current: String {
        if let home = getenv("HOME") { return String(cString: home) }
        return passwordEntry() ?? "/"
    }

    /// getpwuid_r for the effective user; nil when there is no entry.
    static func passwordEntry() -> String? {
        var entry = passwd()
        var result: UnsafeMutablePointer<passwd>?
        var size = max(sysconf(Int32(_SC_GETPW_R_SIZE_MAX)), 1024)
        while true {
            let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: size)
            defer { buffer.deallocate() }
            let rc = getpwuid_r(geteuid(), &entry, buffer, size, &result)
            if rc == ERANGE, size < 1 << 20 { size *= 2; continue }
            guard rc == 0, result != nil, let dir = entry.pw_dir else { return nil }
            return String(cString: dir)  // points into `buffer`, still allocated here
        }
    }
}
