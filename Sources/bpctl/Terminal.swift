import Foundation
#if canImport(Glibc)
import Glibc
#endif

enum FileHandleOutput {
    static func stdout(_ s: String) {
        FileHandle.standardOutput.write(Data(s.utf8))
    }

    static func stderr(_ s: String) {
        FileHandle.standardError.write(Data(s.utf8))
    }
}

enum Terminal {
    /// Colour only on a terminal, never with NO_COLOR set (https://no-color.org).
    static var colorOnStdout: Bool {
        if let v = ProcessInfo.processInfo.environment["NO_COLOR"], !v.isEmpty { return false }
        if ProcessInfo.processInfo.environment["TERM"] == "dumb" { return false }
        return isatty(STDOUT_FILENO) == 1
    }
}
