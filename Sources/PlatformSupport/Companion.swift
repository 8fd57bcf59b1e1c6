#if canImport(Glibc)
import Glibc
#endif

/// The fronts (`bpctl`, `neurocaas-contrib`) answer their frequent commands themselves and run
/// the complete binary installed beside them for everything else, as git runs its helpers: the
/// companion's path is beside the front's real file (/proc/self/exe, so a symlink to the front
/// in /usr/local/bin still finds it), and the arguments and environment pass unchanged.
public enum Companion {
    /// Replaces this process with `companion`; when that fails, says which file is missing and
    /// how to install both, and exits 1.
    /// `standardInput`: bytes the front already read from its standard input, which the
    /// companion then reads instead (from an unlinked temporary file).
    public static func exec(_ companion: String, front: String, arguments: [String], standardInput: [UInt8]? = nil) -> Never {
        let path = location(of: companion)
        if let standardInput {
            var template = Array("/tmp/bpctl-stdin-XXXXXX".utf8CString)
            let fd = mkstemp(&template)
            if fd >= 0 {
                unlink(&template)
                DescriptorIO.write(fd, bytes: standardInput)
                lseek(fd, 0, SEEK_SET)
                dup2(fd, STDIN_FILENO)
                close(fd)
            }
        }
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        execv(path, &argv)
        let reason = String(cString: strerror(errno))
        DescriptorIO.write(2, """
            \(front): cannot run \(path) (\(reason))
            hint: \(front) runs \(companion) for this command; install both binaries in the same folder \
            (scripts/bootstrap.sh builds both: .build/release/\(front) and .build/release/\(companion))

            """)
        exit(1)
    }

    /// `companion`'s path: beside the real file of this executable.
    public static func location(of companion: String) -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        let me = n > 0 ? String(decoding: buffer[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self) : CommandLine.arguments.first ?? ""
        guard let slash = me.lastIndex(of: "/") else { return companion }
        return String(me[...slash]) + companion
    }
}
