#if canImport(Glibc)
import Glibc
#endif

/// `neurocaas-contrib-full`, next to this binary: every command, with ArgumentParser's help and
/// usage errors. Found through /proc/self/exe, so a symlink to the front (/usr/local/bin) still
/// finds the companion beside the real file; the arguments and environment pass unchanged.
enum Companion {
    static let name = "neurocaas-contrib-full"

    static func exec(_ arguments: [String]) -> Never {
        let path = location()
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        execv(path, &argv)
        let reason = String(cString: strerror(errno))
        Output.write(2, """
            neurocaas-contrib: cannot run \(path) (\(reason))
            hint: neurocaas-contrib runs \(name) for this command; install both binaries in the same folder \
            (scripts/bootstrap.sh builds both: .build/release/neurocaas-contrib and .build/release/\(name))

            """)
        exit(1)
    }

    /// The companion's path: beside the real file of this executable.
    static func location() -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        let me = n > 0 ? String(decoding: buffer[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self) : CommandLine.arguments.first ?? ""
        guard let slash = me.lastIndex(of: "/") else { return name }
        return String(me[...slash]) + name
    }
}
